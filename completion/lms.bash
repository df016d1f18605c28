# Bash completion for lms(1).                          -*- shell-script -*-
#
# Source it, or let bash-completion load it from its completions folder
# (make install puts it there as "lms").  It needs bash 4.2 or later and
# nothing else: plain compgen and COMPREPLY, so that it also works in a
# bare "bash --norc".
#
# What lms can tell, it is asked, and the answers are kept for the session:
#   - the commands: the table that "lms help" prints;
#   - a command's verbs, options and operands: the "usage:" lines that
#     "lms COMMAND [VERB] --PROBE" prints on standard error.
# The ids come from the tree, found as lms finds it (-C DIR, else $LMS_DIR,
# else the nearest folder upwards that holds lms.yaml): course ids are the
# folders of courses/, person and facilitator ids the first column of
# "lms person list --format tsv" and "lms facilitator list --format tsv".
# Only ids go into a completion, never names or contacts.
#
# Nothing that lms prints is evaluated: candidates are matched in bash,
# not through "compgen -W", and ids must look like lms ids.

# An option that no lms command has; asking with it gets the usage lines.
_lms_probe=--lms-completion-probe

# Letters spelled out: a range such as [a-z] follows the locale.
_lms_lower=abcdefghijklmnopqrstuvwxyz
_lms_upper=ABCDEFGHIJKLMNOPQRSTUVWXYZ

# Raw usage lines by command path ("enrol", "course new"), and the commands.
declare -gA _lms_usage_cache=()
_lms_commands_cache=

# Adds to COMPREPLY each word after the first two arguments that starts
# with $1, prefixed with $2 (for the rest of a comma-separated list).
# Uses the caller's associative array "seen" to drop repetitions.
_lms_add()
{
	local part=$1 head=$2 w
	shift 2
	for w in "$@"; do
		[[ -n $w && $w == "$part"* && -z ${seen[$w]+set} ]] || continue
		seen[$w]=1
		COMPREPLY+=("$head$w")
	done
}

# True if $1 looks like an lms id: lowercase letters, digits and '-'.
_lms_is_id()
{
	local re="^[${_lms_lower}0-9][${_lms_lower}0-9-]{0,63}\$"
	[[ $1 =~ $re ]]
}

# A folder named on the command line, roughly as the shell would read it.
_lms_dequote()
{
	local d=$1
	case $d in
	\'*\') d=${d:1:${#d}-2} ;;
	\"*\") d=${d:1:${#d}-2} ;;
	*) d=${d//\\/} ;;
	esac
	case $d in
	"~") d=$HOME ;;
	"~/"*) d=$HOME/${d#"~/"} ;;
	esac
	printf '%s' "$d"
}

# Sets _lms_tree to the tree's root as lms would find it, or to "".
# $1 is the -C argument given on the command line, if any.
_lms_find_tree()
{
	local d
	_lms_tree=
	if [[ -n $1 ]]; then
		_lms_tree=$(_lms_dequote "$1")
		return
	fi
	if [[ -n ${LMS_DIR-} ]]; then
		_lms_tree=$LMS_DIR
		return
	fi
	d=$(builtin pwd -P 2>/dev/null) || return
	while :; do
		if [[ -e $d/lms.yaml ]]; then
			_lms_tree=${d:-/}
			return
		fi
		[[ -z $d || $d == / ]] && return
		d=${d%/*}
	done
}

# Runs lms on the tree, never waiting for its lock nor reading the terminal,
# and in English: the usage lines are read by their "usage:", which
# another language words otherwise.
_lms_run()
{
	LC_ALL=C LMS_LOCK_TIMEOUT=0 command lms ${_lms_tree:+-C "$_lms_tree"} \
		"$@" </dev/null
}

# Sets _lms_l to the language lms knows in the locale or language name
# $1 ("nb_NO.UTF-8", "nn", "en_GB"): nb (no and nn are served bokmål),
# en, or nothing.
_lms_lang_of()
{
	case $1 in
	nb | nb[_.@-]* | no | no[_.@-]* | nn | nn[_.@-]*) _lms_l=nb ;;
	en | en[_.@-]*) _lms_l=en ;;
	*) _lms_l= ;;
	esac
}

# True if lms speaks Norwegian here, chosen as lms chooses: the locale is
# the first of LC_ALL, LC_MESSAGES and LANG that is set; C or POSIX (or
# none) is English, and LANGUAGE is then not heeded; else the first
# language of LANGUAGE's list that lms knows, else the locale's.
_lms_norwegian()
{
	local locale=${LC_ALL:-${LC_MESSAGES:-${LANG-}}} l _lms_l
	local -a langs=()
	case $locale in
	"" | C | C.* | C@* | POSIX) return 1 ;;
	esac
	IFS=: read -ra langs <<<"${LANGUAGE-}"
	for l in "${langs[@]}"; do
		_lms_lang_of "$l"
		[[ -n $_lms_l ]] && break
	done
	[[ -n $_lms_l ]] || _lms_lang_of "$locale"
	[[ $_lms_l == nb ]]
}

# Sets the caller's array "words" to the files' names without .yaml:
# $1 is a folder of the tree (forms, templates).
_lms_tree_names()
{
	local f name restore
	words=()
	[[ -n $_lms_tree ]] || return
	restore=$(shopt -p nullglob failglob nocaseglob)
	shopt -s nullglob
	shopt -u failglob nocaseglob
	for f in "$_lms_tree/$1"/*.yaml; do
		name=${f##*/}
		name=${name%.yaml}
		_lms_is_id "$name" && words+=("$name")
	done
	eval "$restore"
}

# Sets "words" to the course ids: the folders of courses/ that hold a
# course.yaml, as lms counts them.
_lms_courses()
{
	local f name restore
	words=()
	[[ -n $_lms_tree ]] || return
	restore=$(shopt -p nullglob failglob nocaseglob)
	shopt -s nullglob
	shopt -u failglob nocaseglob
	for f in "$_lms_tree"/courses/*/course.yaml; do
		name=${f%/course.yaml}
		name=${name##*/}
		_lms_is_id "$name" && words+=("$name")
	done
	eval "$restore"
}

# Prints the "id" column of a table that lms printed as TSV on stdin;
# fails if there is no such column.  Nothing else of a row leaves here.
_lms_tsv_ids()
{
	local line rest id col=0 i
	IFS= read -r line || return 1
	while :; do
		[[ ${line%%$'\t'*} == id ]] && break
		[[ $line == *$'\t'* ]] || return 1
		line=${line#*$'\t'}
		((col++))
	done
	while IFS= read -r line; do
		rest=$line
		for ((i = 0; i < col; i++)); do
			rest=${rest#*$'\t'}
		done
		id=${rest%%$'\t'*}
		_lms_is_id "$id" && printf '%s\n' "$id"
	done
	return 0
}

# Sets "words" to the ids of "lms $1 list" (person, facilitator, offer); to
# nothing if lms fails, for instance when the register is not private.
_lms_list_ids()
{
	local ids
	words=()
	ids=$(set -o pipefail
	      _lms_run "$1" list --format tsv 2>/dev/null | _lms_tsv_ids) ||
		return
	[[ -n $ids ]] && mapfile -t words <<<"$ids"
}

# Sets "words" to the commands, from the table of "lms help".
_lms_commands()
{
	local line re="^   ([$_lms_lower][${_lms_lower}0-9-]*)  +[^ ]"
	if [[ -z $_lms_commands_cache ]]; then
		while IFS= read -r line; do
			[[ $line =~ $re ]] &&
				_lms_commands_cache+=" ${BASH_REMATCH[1]}"
		done < <(LC_ALL=C command lms help 2>/dev/null </dev/null)
	fi
	read -ra words <<<"$_lms_commands_cache"
}

# Sets _lms_usage_text to the usage lines of "lms $*", each without its
# "usage:" or "or:"; they are kept once lms has printed some.
_lms_usage()
{
	local key="$*" out line text=
	if [[ -z ${_lms_usage_cache[$key]+set} ]]; then
		out=$(_lms_run "$@" "$_lms_probe" 2>&1 >/dev/null)
		while IFS= read -r line; do
			case $line in
			"usage: lms $key" | "usage: lms $key "*)
				text+=${line#usage: }$'\n' ;;
			"   or: lms $key" | "   or: lms $key "*)
				text+=${line#   or: }$'\n' ;;
			esac
		done <<<"$out"
		[[ -n $text ]] && _lms_usage_cache[$key]=$text
	fi
	_lms_usage_text=${_lms_usage_cache[$key]-}
}

# Sets the caller's "bare" to $1 without the brackets and repetition
# marks around it: "[COURSE...]" is COURSE.
_lms_bare()
{
	bare=$1
	while [[ $bare == \[* ]]; do bare=${bare#\[}; done
	while [[ $bare == *\] || $bare == *... ]]; do
		bare=${bare%\]}
		[[ $bare == *... ]] && bare=${bare%...}
	done
}

# Reads the usage lines of "lms $1" into the caller's variables:
#   opts     the long options, in order
#   argof    [option] = 1 for the options that take a value
#   valsof   [option] = the values the usage lines spell out
#   phof     [option] = the placeholders (F, NAME, P,...) they use instead
#   slots    one element per line: its operands, ";" between them, each
#            the alternatives (words or placeholders) with " " between;
#            a placeholder that ends with "..." repeats
#   verbs    the verbs, if the command has them ("lms course new | ...")
_lms_parse_usage()
{
	local path=$1 line tok bare name a n x s alt
	local -a t
	while IFS= read -r line; do
		[[ $line == "lms $path" || $line == "lms $path "* ]] || continue
		read -ra t <<<"${line#"lms $path"}"
		n=${#t[@]}
		if ((n > 1)) && [[ ${t[n-1]} == ... ]]; then
			for ((x = 0; x < n - 1; x++)); do
				[[ ${t[x]} == '|' ]] && continue
				_lms_bare "${t[x]}"
				verbs+=("$bare")
			done
			continue
		fi
		s= alt=0
		for ((x = 0; x < n; x++)); do
			tok=${t[x]}
			_lms_bare "$tok"
			case $bare in
			--?*)
				alt=0
				name=$bare
				[[ " ${opts[*]} " == *" $name "* ]] || opts+=("$name")
				# "[--force]" ends there; "--title T" goes on.
				[[ ${tok%%\]*} == "$tok" ]] || continue
				((x + 1 < n)) || continue
				[[ ${t[x+1]} == [-\[\|]* || ${t[x+1]} == ... ]] &&
					continue
				argof[$name]=1
				while :; do
					((x++))
					_lms_bare "${t[x]}"
					a=$bare
					if [[ $a == ["$_lms_upper"]* || $a == *[,=:]* ]]; then
						phof[$name]+=" $a"
					else
						valsof[$name]+=" $a"
					fi
					[[ ${t[x]} != *\] && ${t[x+1]-} == '|' &&
					   ${t[x+2]-} != [-\[]* && -n ${t[x+2]-} ]] ||
						break
					((x++))
				done
				;;
			'|')
				alt=1
				;;
			'')
				;;
			*)
				a=$bare
				[[ $tok == *...* ]] && a+=...
				if ((alt)) && [[ -n $s ]]; then
					s+=" $a"
				else
					s+=${s:+;}$a
				fi
				alt=0
				;;
			esac
		done
		slots+=("$s")
	done <<<"$_lms_usage_text"
}

# Sets "words" to the values of option $1 that lms takes, where its usage
# lines show only a placeholder: lms names these only in its error
# messages.  Ids come from the tree.
_lms_option_words()
{
	words=()
	case $1 in
	--format) words=(text csv tsv yaml md html) ;;
	--rule | --no-rule)
		words=(schema dates references conflicts capacity
		       participation privacy holidays catalog availability fees) ;;
	--by) words=(course municipality year term target-group topic referral
		     role age-band facilitator) ;;
	--status) words=(planned open running completed cancelled) ;;
	--phase) words=(pre post session) ;;
	--phases) words=(plan deliver evaluate) ;;
	--kind)
		# "cmd" is _lms_complete's: the kinds of offers are others.
		if [[ ${cmd-} == offer ]]; then
			words=(self-help-group healthy-life-centre
			       user-organisation learning-and-coping-centre other)
		elif [[ ${cmd-} == meeting ]]; then
			words=(plan evaluate other)
		else
			words=(professional user-representative)
		fi ;;
	--role)
		# lms course assign's role on a course; lms enrol's otherwise.
		if [[ ${cmd-} == course ]]; then
			words=(professional user-representative)
		else
			words=(participant relative staff)
		fi ;;
	--referral)
		words=(self gp healthy-life-centre specialist municipal nav
		       user-organisation other) ;;
	--target-group) words=(at-risk patients relatives staff) ;;
	--contact) words=(reminders peer-contact) ;;
	--days)
		# Weekdays for "--days mon,thu"; lms remind's "--days N" is
		# a number.
		[[ ${phof[--days]-} == *,* ]] || return 0
		words=(mon tue wed thu fri sat sun)
		# lms reads Norwegian weekdays too; they are offered where
		# it speaks Norwegian.
		_lms_norwegian && words+=(man tir ons tor fre lør søn)
		;;
	--form) _lms_tree_names forms ;;
	--template) _lms_tree_names templates ;;
	--facilitator | --with) _lms_list_ids facilitator ;;
	--relative-of | --person | --absent | --excused)
		_lms_list_ids person ;;
	esac
}

# Completes the placeholder $1 of an operand; $2 names what an ID is.
_lms_placeholder()
{
	local -a words=()
	case $1 in
	COURSE) _lms_courses ;;
	PERSON) _lms_list_ids person ;;
	FID) _lms_list_ids facilitator ;;
	ID)
		case $2 in
		course) _lms_courses ;;
		person | facilitator | offer) _lms_list_ids "$2" ;;
		esac ;;
	COMMAND) _lms_commands ;;
	DIR)
		compopt -o filenames 2>/dev/null
		mapfile -t words < <(compgen -d -- "$cur")
		;;
	FILE)
		compopt -o filenames 2>/dev/null
		mapfile -t words < <(compgen -f -- "$cur")
		;;
	esac
	_lms_add "$cur" "" "${words[@]}"
}

# Completes the value of option $1 of the usage just parsed.
_lms_value()
{
	local opt=$1 head= part=$cur ph
	local -a words=() given=() phs=()
	read -ra given <<<"${valsof[$opt]-}"
	_lms_add "$cur" "" "${given[@]}"
	[[ -n ${phof[$opt]-} ]] || return 0
	# "--absent P,...": complete the last of a comma-separated list,
	# without the items given already.
	if [[ ${phof[$opt]} == *,* && $cur == *,* ]]; then
		head=${cur%,*},
		part=${cur##*,}
		IFS=, read -ra given <<<"$head"
		for ph in "${given[@]}"; do
			[[ -n $ph ]] && seen[$ph]=1
		done
	fi
	_lms_option_words "$opt"
	if ((${#words[@]})); then
		_lms_add "$part" "$head" "${words[@]}"
		return 0
	fi
	read -ra phs <<<"${phof[$opt]}"
	for ph in "${phs[@]}"; do
		case $ph in
		DIR | FILE) _lms_placeholder "$ph" ;;
		esac
	done
}

_lms_complete()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= w i j k treearg= cmd verb=
	local path noun head= endopts=0 valopt= x m a ok last line
	local -a words=() opts=() slots=() verbs=() pos=() s=() alts=()
	local -A seen=() argof=() valsof=() phof=()
	local _lms_tree _lms_usage_text bare IFS=$' \t\n'
	COMPREPLY=()
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}

	# The global options, before the command.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		-C) treearg=${COMP_WORDS[i+1]-}; ((i++)) ;;
		-C?*) treearg=${w#-C} ;;
		-*) ;;
		*) break ;;
		esac
	done
	if ((i >= COMP_CWORD)); then
		if [[ $prev == -C ]] && ((COMP_CWORD >= 2)); then
			_lms_placeholder DIR
		elif [[ $cur == -* ]]; then
			_lms_add "$cur" "" -C --no-cache --help --version
		else
			_lms_commands
			_lms_add "$cur" "" "${words[@]}"
		fi
		return 0
	fi
	cmd=${COMP_WORDS[i]}
	_lms_find_tree "$treearg"
	_lms_commands
	[[ " ${words[*]} " == *" $cmd "* ]] || return 0

	# The verb, for commands that have them.
	path=$cmd
	_lms_usage "$cmd"
	_lms_parse_usage "$cmd"
	if ((${#verbs[@]})); then
		if ((i + 1 == COMP_CWORD)); then
			[[ $cur == -* ]] || _lms_add "$cur" "" "${verbs[@]}"
			return 0
		fi
		verb=${COMP_WORDS[i+1]}
		[[ " ${verbs[*]} " == *" $verb "* ]] || return 0
		path="$cmd $verb"
		((i++))
		opts=() slots=() verbs=() argof=() valsof=() phof=()
		_lms_usage "$cmd" "$verb"
		_lms_parse_usage "$path"
	fi

	# The operands so far, and whether the cursor is on an option's value.
	for ((j = i + 1; j < COMP_CWORD; j++)); do
		w=${COMP_WORDS[j]}
		if ((endopts)); then
			pos+=("$w")
			continue
		fi
		case $w in
		--) endopts=1 ;;
		--*=*) ;;
		--?*)
			if [[ ${COMP_WORDS[j+1]-} == = ]]; then
				# "--format=c", which readline splits at the "=".
				if ((j + 1 == COMP_CWORD)); then
					valopt=$w cur=
				elif ((j + 2 == COMP_CWORD)); then
					valopt=$w
				fi
				((j += 2))
			elif [[ -n ${argof[$w]+set} ]]; then
				((j + 1 == COMP_CWORD)) && valopt=$w
				((j++))
			fi
			;;
		-?*) ;;
		*) pos+=("$w") ;;
		esac
	done
	if [[ -z $valopt && $endopts == 0 && $cur == --*=* ]]; then
		# "--format=c" as one word, if "=" is not in COMP_WORDBREAKS.
		valopt=${cur%%=*}
		head=$valopt=
		cur=${cur#*=}
	fi
	if [[ -n $valopt ]]; then
		[[ -n ${argof[$valopt]+set} ]] || return 0
		_lms_value "$valopt"
		if [[ -n $head ]]; then
			for ((k = 0; k < ${#COMPREPLY[@]}; k++)); do
				COMPREPLY[k]=$head${COMPREPLY[k]}
			done
		fi
		return 0
	fi
	if [[ $cur == -* && $endopts == 0 ]]; then
		_lms_add "$cur" "" "${opts[@]}"
		return 0
	fi

	# An operand: the alternatives at its place in each usage line whose
	# words so far match those given.
	k=${#pos[@]}
	for line in "${slots[@]}"; do
		IFS=';' read -ra s <<<"$line"
		noun=$cmd
		case $verb in new | add) noun= ;; esac
		ok=1
		for ((m = 0; m <= k; m++)); do
			if ((m < ${#s[@]})); then
				last=${s[m]}
			elif ((${#s[@]})) && [[ ${s[${#s[@]}-1]} == *... ]]; then
				last=${s[${#s[@]}-1]}
			else
				ok=0
				break
			fi
			read -ra alts <<<"$last"
			((m == k)) && break
			x=0
			for a in "${alts[@]}"; do
				a=${a%...}
				if [[ $a == "${pos[m]}" ]]; then
					x=1
					case $a in course | person | facilitator | offer) noun=$a ;; esac
					break
				fi
				[[ $a == ["$_lms_upper"]* ]] && x=1 && break
			done
			((x)) || { ok=0; break; }
		done
		((ok)) || continue
		# "[COURSE...]": each once.
		if [[ $last == *... ]]; then
			for a in "${pos[@]}"; do
				seen[$a]=1
			done
		fi
		for a in "${alts[@]}"; do
			a=${a%...}
			if [[ $a == ["$_lms_upper"]* ]]; then
				_lms_placeholder "$a" "$noun"
			else
				_lms_add "$cur" "" "$a"
			fi
		done
	done
	return 0
}

# nocasematch would take "course" for a placeholder such as COURSE.
_lms()
{
	if shopt -q nocasematch; then
		shopt -u nocasematch
		_lms_complete
		shopt -s nocasematch
	else
		_lms_complete
	fi
	return 0
}

complete -F _lms lms
