#!/bin/sh
# lms facilitator: the registry, and finding who is available.
. "$(dirname "$0")/lib.sh"

use_tree basic
cp people/facilitators.yaml "$SCRATCH/before.yaml"

lms facilitator add bruker-fire --name "Brukerrepresentant Fire" \
	--kind user-representative --topics "rop, kosthold" \
	--trained likepersonskurs --available 2026-09-01:2027-06-30
is_rc 0 "adds a user representative"
is_out "and says so" <<'OUT'
added bruker-fire (user-representative)
OUT
lms facilitator add fag-fem --name "Fagperson Fem" --kind professional \
	--profession sykepleier --available true
is_rc 0 "adds a professional"
diff "$SCRATCH/before.yaml" people/facilitators.yaml >"$SCRATCH/changes"
is_file "appends entries and leaves the comments and the rest alone" \
	"$SCRATCH/changes" <<'OUT'
15a16,26
> - id: bruker-fire
>   name: Brukerrepresentant Fire
>   kind: user-representative
>   topics: [rop, kosthold]
>   trained: [likepersonskurs]
>   available: [2026-09-01, 2027-06-30]
> - id: fag-fem
>   name: Fagperson Fem
>   kind: professional
>   profession: sykepleier
>   available: true
OUT

lms facilitator list
is_rc 0 "lists the registry"
is_out "in aligned columns" <<'OUT'
ID           KIND                 NAME                     PROFESSION  TOPICS        TRAINED          AVAILABLE
fag-en       professional         Fagperson En                         kosthold                       yes
bruker-to    user-representative  Brukerrepresentant To                rop,kosthold  helsepedagogikk  2026-08-01 to 2026-12-31
fag-tre      professional         Fagperson Tre                                                       no
bruker-fire  user-representative  Brukerrepresentant Fire              rop,kosthold  likepersonskurs  2026-09-01 to 2027-06-30
fag-fem      professional         Fagperson Fem            sykepleier                                 yes
OUT
lms facilitator list --kind user-representative --topic rop \
	--available-on 2027-01-15 --format csv
is_out "finds user representatives for a topic on a day" <<'OUT'
id,kind,name,profession,topics,trained,available
bruker-fire,user-representative,Brukerrepresentant Fire,,"rop,kosthold",likepersonskurs,2026-09-01 to 2027-06-30
OUT
lms facilitator list --available-on 2026-08-15 --format tsv
is_out "by availability" <<'OUT'
id	kind	name	profession	topics	trained	available
fag-en	professional	Fagperson En		kosthold		yes
bruker-to	user-representative	Brukerrepresentant To		rop,kosthold	helsepedagogikk	2026-08-01 to 2026-12-31
fag-fem	professional	Fagperson Fem	sykepleier			yes
OUT

remember
refuse() {
	expected_rc=$1 description=$2 message=$3
	shift 3
	lms facilitator "$@"
	is_rc "$expected_rc" "$description"
	like "$description: says so" "$message" "$err"
}
refuse 73 "an id that exists" "facilitator 'fag-en' exists already" \
	add fag-en --name X --kind professional
refuse 2 "no kind" "--kind: give professional or user-representative" \
	add ny --name X
refuse 2 "an unknown kind" \
	"--kind: 'volunteer' is not one of professional, user-representative" \
	add ny --name X --kind volunteer
refuse 2 "a bad availability" "--available: 'soon' is not true, false or FROM:TO" \
	add ny --name X --kind professional --available soon
refuse 2 "a range that ends before it starts" \
	"--available: '2027-01-01:2026-01-01' is not true, false or FROM:TO" \
	add ny --name X --kind professional --available 2027-01-01:2026-01-01
refuse 2 "a bad id" "invalid facilitator id 'Ny'" add Ny --name X --kind professional
refuse 2 "no name" "--name is missing: give the name" add ny --kind professional
refuse 2 "a bad date" "--available-on: 'i dag' is not a date" \
	list --available-on "i dag"
unchanged "the refusals changed nothing"

# A registry written as an empty flow list, or with no entries at all.
printf '[]\n' >people/facilitators.yaml
lms facilitator add ny --name "Ny Person" --kind professional
is_rc 0 "adds to an empty flow list"
is_file "inside the brackets" people/facilitators.yaml <<'OUT'
[{id: ny, name: Ny Person, kind: professional}]
OUT
rm people/facilitators.yaml
lms facilitator add ny --name "Ny Person" --kind professional
is_file "or starts the file" people/facilitators.yaml <<'OUT'
- id: ny
  name: Ny Person
  kind: professional
OUT

done_testing
