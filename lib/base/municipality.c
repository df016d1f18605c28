#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "i18n.h"
#include "municipality.h"

/*
 * Source: Statistics Norway (SSB), classification 131 "Standard for
 * kommuneinndeling", the version valid from 2024-01-01: 357 municipalities,
 * numbers and names.  The retired numbers (1994 to 2023) and the
 * municipality of 2024 that each one became part of come from SSB's
 * grouping of the municipalities of 1994 to 2024 onto those of 2024
 * (KLASS), which marks municipalities that were split as such; for those
 * the table names the successor that took all of the old number's people
 * (Narvik, Hamarøy, Ballangen; Hemne, Halsa, Hitra, Agdenes, Meldal and
 * Orkdal) or, when it was truly split, every successor (Tysfjord,
 * Snillfjord, and Ålesund of 2020 to 2023, split into Ålesund and Haram
 * in 2024).  Compiled in December 2026 and checked number for number
 * against a second, independent list of the 357; the names of several
 * languages follow the classification, with later Sami names (Raane,
 * Fuolldá, Nåavmesjenjaelmie, Levangke, Rivtták) known as other names.
 * No municipality has changed from 2024 to the date of compiling.
 */

static const struct lms_municipality current[] = {
	{ "0301", "Oslo" },
	{ "1101", "Eigersund" },
	{ "1103", "Stavanger" },
	{ "1106", "Haugesund" },
	{ "1108", "Sandnes" },
	{ "1111", "Sokndal" },
	{ "1112", "Lund" },
	{ "1114", "Bjerkreim" },
	{ "1119", "Hå" },
	{ "1120", "Klepp" },
	{ "1121", "Time" },
	{ "1122", "Gjesdal" },
	{ "1124", "Sola" },
	{ "1127", "Randaberg" },
	{ "1130", "Strand" },
	{ "1133", "Hjelmeland" },
	{ "1134", "Suldal" },
	{ "1135", "Sauda" },
	{ "1144", "Kvitsøy" },
	{ "1145", "Bokn" },
	{ "1146", "Tysvær" },
	{ "1149", "Karmøy" },
	{ "1151", "Utsira" },
	{ "1160", "Vindafjord" },
	{ "1505", "Kristiansund" },
	{ "1506", "Molde" },
	{ "1508", "Ålesund" },
	{ "1511", "Vanylven" },
	{ "1514", "Sande" },
	{ "1515", "Herøy (Møre og Romsdal)" },
	{ "1516", "Ulstein" },
	{ "1517", "Hareid" },
	{ "1520", "Ørsta" },
	{ "1525", "Stranda" },
	{ "1528", "Sykkylven" },
	{ "1531", "Sula" },
	{ "1532", "Giske" },
	{ "1535", "Vestnes" },
	{ "1539", "Rauma" },
	{ "1547", "Aukra" },
	{ "1554", "Averøy" },
	{ "1557", "Gjemnes" },
	{ "1560", "Tingvoll" },
	{ "1563", "Sunndal" },
	{ "1566", "Surnadal" },
	{ "1573", "Smøla" },
	{ "1576", "Aure" },
	{ "1577", "Volda" },
	{ "1578", "Fjord" },
	{ "1579", "Hustadvika" },
	{ "1580", "Haram" },
	{ "1804", "Bodø" },
	{ "1806", "Narvik" },
	{ "1811", "Bindal" },
	{ "1812", "Sømna" },
	{ "1813", "Brønnøy" },
	{ "1815", "Vega" },
	{ "1816", "Vevelstad" },
	{ "1818", "Herøy (Nordland)" },
	{ "1820", "Alstahaug" },
	{ "1822", "Leirfjord" },
	{ "1824", "Vefsn" },
	{ "1825", "Grane" },
	{ "1826", "Aarborte - Hattfjelldal" },
	{ "1827", "Dønna" },
	{ "1828", "Nesna" },
	{ "1832", "Hemnes" },
	{ "1833", "Rana" },
	{ "1834", "Lurøy" },
	{ "1835", "Træna" },
	{ "1836", "Rødøy" },
	{ "1837", "Meløy" },
	{ "1838", "Gildeskål" },
	{ "1839", "Beiarn" },
	{ "1840", "Saltdal" },
	{ "1841", "Fauske - Fuossko" },
	{ "1845", "Sørfold" },
	{ "1848", "Steigen" },
	{ "1851", "Lødingen" },
	{ "1853", "Evenes - Evenássi" },
	{ "1856", "Røst" },
	{ "1857", "Værøy" },
	{ "1859", "Flakstad" },
	{ "1860", "Vestvågøy" },
	{ "1865", "Vågan" },
	{ "1866", "Hadsel" },
	{ "1867", "Bø" },
	{ "1868", "Øksnes" },
	{ "1870", "Sortland - Suortá" },
	{ "1871", "Andøy" },
	{ "1874", "Moskenes" },
	{ "1875", "Hábmer - Hamarøy" },
	{ "3101", "Halden" },
	{ "3103", "Moss" },
	{ "3105", "Sarpsborg" },
	{ "3107", "Fredrikstad" },
	{ "3110", "Hvaler" },
	{ "3112", "Råde" },
	{ "3114", "Våler (Østfold)" },
	{ "3116", "Skiptvet" },
	{ "3118", "Indre Østfold" },
	{ "3120", "Rakkestad" },
	{ "3122", "Marker" },
	{ "3124", "Aremark" },
	{ "3201", "Bærum" },
	{ "3203", "Asker" },
	{ "3205", "Lillestrøm" },
	{ "3207", "Nordre Follo" },
	{ "3209", "Ullensaker" },
	{ "3212", "Nesodden" },
	{ "3214", "Frogn" },
	{ "3216", "Vestby" },
	{ "3218", "Ås" },
	{ "3220", "Enebakk" },
	{ "3222", "Lørenskog" },
	{ "3224", "Rælingen" },
	{ "3226", "Aurskog-Høland" },
	{ "3228", "Nes" },
	{ "3230", "Gjerdrum" },
	{ "3232", "Nittedal" },
	{ "3234", "Lunner" },
	{ "3236", "Jevnaker" },
	{ "3238", "Nannestad" },
	{ "3240", "Eidsvoll" },
	{ "3242", "Hurdal" },
	{ "3301", "Drammen" },
	{ "3303", "Kongsberg" },
	{ "3305", "Ringerike" },
	{ "3310", "Hole" },
	{ "3312", "Lier" },
	{ "3314", "Øvre Eiker" },
	{ "3316", "Modum" },
	{ "3318", "Krødsherad" },
	{ "3320", "Flå" },
	{ "3322", "Nesbyen" },
	{ "3324", "Gol" },
	{ "3326", "Hemsedal" },
	{ "3328", "Ål" },
	{ "3330", "Hol" },
	{ "3332", "Sigdal" },
	{ "3334", "Flesberg" },
	{ "3336", "Rollag" },
	{ "3338", "Nore og Uvdal" },
	{ "3401", "Kongsvinger" },
	{ "3403", "Hamar" },
	{ "3405", "Lillehammer" },
	{ "3407", "Gjøvik" },
	{ "3411", "Ringsaker" },
	{ "3412", "Løten" },
	{ "3413", "Stange" },
	{ "3414", "Nord-Odal" },
	{ "3415", "Sør-Odal" },
	{ "3416", "Eidskog" },
	{ "3417", "Grue" },
	{ "3418", "Åsnes" },
	{ "3419", "Våler (Innlandet)" },
	{ "3420", "Elverum" },
	{ "3421", "Trysil" },
	{ "3422", "Åmot" },
	{ "3423", "Stor-Elvdal" },
	{ "3424", "Rendalen" },
	{ "3425", "Engerdal" },
	{ "3426", "Tolga" },
	{ "3427", "Tynset" },
	{ "3428", "Alvdal" },
	{ "3429", "Folldal" },
	{ "3430", "Os" },
	{ "3431", "Dovre" },
	{ "3432", "Lesja" },
	{ "3433", "Skjåk" },
	{ "3434", "Lom" },
	{ "3435", "Vågå" },
	{ "3436", "Nord-Fron" },
	{ "3437", "Sel" },
	{ "3438", "Sør-Fron" },
	{ "3439", "Ringebu" },
	{ "3440", "Øyer" },
	{ "3441", "Gausdal" },
	{ "3442", "Østre Toten" },
	{ "3443", "Vestre Toten" },
	{ "3446", "Gran" },
	{ "3447", "Søndre Land" },
	{ "3448", "Nordre Land" },
	{ "3449", "Sør-Aurdal" },
	{ "3450", "Etnedal" },
	{ "3451", "Nord-Aurdal" },
	{ "3452", "Vestre Slidre" },
	{ "3453", "Øystre Slidre" },
	{ "3454", "Vang" },
	{ "3901", "Horten" },
	{ "3903", "Holmestrand" },
	{ "3905", "Tønsberg" },
	{ "3907", "Sandefjord" },
	{ "3909", "Larvik" },
	{ "3911", "Færder" },
	{ "4001", "Porsgrunn" },
	{ "4003", "Skien" },
	{ "4005", "Notodden" },
	{ "4010", "Siljan" },
	{ "4012", "Bamble" },
	{ "4014", "Kragerø" },
	{ "4016", "Drangedal" },
	{ "4018", "Nome" },
	{ "4020", "Midt-Telemark" },
	{ "4022", "Seljord" },
	{ "4024", "Hjartdal" },
	{ "4026", "Tinn" },
	{ "4028", "Kviteseid" },
	{ "4030", "Nissedal" },
	{ "4032", "Fyresdal" },
	{ "4034", "Tokke" },
	{ "4036", "Vinje" },
	{ "4201", "Risør" },
	{ "4202", "Grimstad" },
	{ "4203", "Arendal" },
	{ "4204", "Kristiansand" },
	{ "4205", "Lindesnes" },
	{ "4206", "Farsund" },
	{ "4207", "Flekkefjord" },
	{ "4211", "Gjerstad" },
	{ "4212", "Vegårshei" },
	{ "4213", "Tvedestrand" },
	{ "4214", "Froland" },
	{ "4215", "Lillesand" },
	{ "4216", "Birkenes" },
	{ "4217", "Åmli" },
	{ "4218", "Iveland" },
	{ "4219", "Evje og Hornnes" },
	{ "4220", "Bygland" },
	{ "4221", "Valle" },
	{ "4222", "Bykle" },
	{ "4223", "Vennesla" },
	{ "4224", "Åseral" },
	{ "4225", "Lyngdal" },
	{ "4226", "Hægebostad" },
	{ "4227", "Kvinesdal" },
	{ "4228", "Sirdal" },
	{ "4601", "Bergen" },
	{ "4602", "Kinn" },
	{ "4611", "Etne" },
	{ "4612", "Sveio" },
	{ "4613", "Bømlo" },
	{ "4614", "Stord" },
	{ "4615", "Fitjar" },
	{ "4616", "Tysnes" },
	{ "4617", "Kvinnherad" },
	{ "4618", "Ullensvang" },
	{ "4619", "Eidfjord" },
	{ "4620", "Ulvik" },
	{ "4621", "Voss" },
	{ "4622", "Kvam" },
	{ "4623", "Samnanger" },
	{ "4624", "Bjørnafjorden" },
	{ "4625", "Austevoll" },
	{ "4626", "Øygarden" },
	{ "4627", "Askøy" },
	{ "4628", "Vaksdal" },
	{ "4629", "Modalen" },
	{ "4630", "Osterøy" },
	{ "4631", "Alver" },
	{ "4632", "Austrheim" },
	{ "4633", "Fedje" },
	{ "4634", "Masfjorden" },
	{ "4635", "Gulen" },
	{ "4636", "Solund" },
	{ "4637", "Hyllestad" },
	{ "4638", "Høyanger" },
	{ "4639", "Vik" },
	{ "4640", "Sogndal" },
	{ "4641", "Aurland" },
	{ "4642", "Lærdal" },
	{ "4643", "Årdal" },
	{ "4644", "Luster" },
	{ "4645", "Askvoll" },
	{ "4646", "Fjaler" },
	{ "4647", "Sunnfjord" },
	{ "4648", "Bremanger" },
	{ "4649", "Stad" },
	{ "4650", "Gloppen" },
	{ "4651", "Stryn" },
	{ "5001", "Trondheim - Tråante" },
	{ "5006", "Steinkjer" },
	{ "5007", "Namsos" },
	{ "5014", "Frøya" },
	{ "5020", "Osen" },
	{ "5021", "Oppdal" },
	{ "5022", "Rennebu" },
	{ "5025", "Røros - Rosse" },
	{ "5026", "Holtålen" },
	{ "5027", "Midtre Gauldal" },
	{ "5028", "Melhus" },
	{ "5029", "Skaun" },
	{ "5031", "Malvik" },
	{ "5032", "Selbu" },
	{ "5033", "Tydal" },
	{ "5034", "Meråker" },
	{ "5035", "Stjørdal" },
	{ "5036", "Frosta" },
	{ "5037", "Levanger" },
	{ "5038", "Verdal" },
	{ "5041", "Snåase - Snåsa" },
	{ "5042", "Lierne" },
	{ "5043", "Raarvihke - Røyrvik" },
	{ "5044", "Namsskogan" },
	{ "5045", "Grong" },
	{ "5046", "Høylandet" },
	{ "5047", "Overhalla" },
	{ "5049", "Flatanger" },
	{ "5052", "Leka" },
	{ "5053", "Inderøy" },
	{ "5054", "Indre Fosen" },
	{ "5055", "Heim" },
	{ "5056", "Hitra" },
	{ "5057", "Ørland" },
	{ "5058", "Åfjord" },
	{ "5059", "Orkland" },
	{ "5060", "Nærøysund" },
	{ "5061", "Rindal" },
	{ "5501", "Tromsø" },
	{ "5503", "Harstad - Hárstták" },
	{ "5510", "Kvæfjord" },
	{ "5512", "Dielddanuorri - Tjeldsund" },
	{ "5514", "Ibestad" },
	{ "5516", "Gratangen" },
	{ "5518", "Loabák - Lavangen" },
	{ "5520", "Bardu" },
	{ "5522", "Salangen" },
	{ "5524", "Målselv" },
	{ "5526", "Sørreisa" },
	{ "5528", "Dyrøy" },
	{ "5530", "Senja" },
	{ "5532", "Balsfjord" },
	{ "5534", "Karlsøy" },
	{ "5536", "Lyngen" },
	{ "5538", "Storfjord - Omasvuotna - Omasvuono" },
	{ "5540", "Gáivuotna - Kåfjord - Kaivuono" },
	{ "5542", "Skjervøy" },
	{ "5544", "Nordreisa - Ráisa - Raisi" },
	{ "5546", "Kvænangen" },
	{ "5601", "Alta" },
	{ "5603", "Hammerfest - Hámmerfeasta" },
	{ "5605", "Sør-Varanger" },
	{ "5607", "Vadsø" },
	{ "5610", "Kárášjohka - Karasjok" },
	{ "5612", "Guovdageaidnu - Kautokeino" },
	{ "5614", "Loppa" },
	{ "5616", "Hasvik" },
	{ "5618", "Måsøy" },
	{ "5620", "Nordkapp" },
	{ "5622", "Porsanger - Porsángu - Porsanki" },
	{ "5624", "Lebesby" },
	{ "5626", "Gamvik" },
	{ "5628", "Deatnu - Tana" },
	{ "5630", "Berlevåg" },
	{ "5632", "Båtsfjord" },
	{ "5634", "Vardø" },
	{ "5636", "Unjárga - Nesseby" },
};
#define NCURRENT (sizeof(current) / sizeof(current[0]))

/* A retired number and what it became: one number, or several (split). */
struct retired {
	char number[5];
	short until;
	const char *name;
	const char *now;		/* "3101", or "1806,1875" when split */
};

static const struct retired retired[] = {
	{ "0101", 2019, "Halden", "3101" },
	{ "0104", 2019, "Moss", "3103" },
	{ "0105", 2019, "Sarpsborg", "3105" },
	{ "0106", 2019, "Fredrikstad", "3107" },
	{ "0111", 2019, "Hvaler", "3110" },
	{ "0118", 2019, "Aremark", "3124" },
	{ "0119", 2019, "Marker", "3122" },
	{ "0121", 2019, "Rømskog", "3226" },
	{ "0122", 2019, "Trøgstad", "3118" },
	{ "0123", 2019, "Spydeberg", "3118" },
	{ "0124", 2019, "Askim", "3118" },
	{ "0125", 2019, "Eidsberg", "3118" },
	{ "0127", 2019, "Skiptvet", "3116" },
	{ "0128", 2019, "Rakkestad", "3120" },
	{ "0135", 2019, "Råde", "3112" },
	{ "0136", 2019, "Rygge", "3103" },
	{ "0137", 2019, "Våler (Østfold)", "3114" },
	{ "0138", 2019, "Hobøl", "3118" },
	{ "0211", 2019, "Vestby", "3216" },
	{ "0213", 2019, "Ski", "3207" },
	{ "0214", 2019, "Ås", "3218" },
	{ "0215", 2019, "Frogn", "3214" },
	{ "0216", 2019, "Nesodden", "3212" },
	{ "0217", 2019, "Oppegård", "3207" },
	{ "0219", 2019, "Bærum", "3201" },
	{ "0220", 2019, "Asker", "3203" },
	{ "0221", 2019, "Aurskog-Høland", "3226" },
	{ "0226", 2019, "Sørum", "3205" },
	{ "0227", 2019, "Fet", "3205" },
	{ "0228", 2019, "Rælingen", "3224" },
	{ "0229", 2019, "Enebakk", "3220" },
	{ "0230", 2019, "Lørenskog", "3222" },
	{ "0231", 2019, "Skedsmo", "3205" },
	{ "0233", 2019, "Nittedal", "3232" },
	{ "0234", 2019, "Gjerdrum", "3230" },
	{ "0235", 2019, "Ullensaker", "3209" },
	{ "0236", 2019, "Nes (Akershus)", "3228" },
	{ "0237", 2019, "Eidsvoll", "3240" },
	{ "0238", 2019, "Nannestad", "3238" },
	{ "0239", 2019, "Hurdal", "3242" },
	{ "0402", 2019, "Kongsvinger", "3401" },
	{ "0403", 2019, "Hamar", "3403" },
	{ "0412", 2019, "Ringsaker", "3411" },
	{ "0415", 2019, "Løten", "3412" },
	{ "0417", 2019, "Stange", "3413" },
	{ "0418", 2019, "Nord-Odal", "3414" },
	{ "0419", 2019, "Sør-Odal", "3415" },
	{ "0420", 2019, "Eidskog", "3416" },
	{ "0423", 2019, "Grue", "3417" },
	{ "0425", 2019, "Åsnes", "3418" },
	{ "0426", 2019, "Våler (Hedmark)", "3419" },
	{ "0427", 2019, "Elverum", "3420" },
	{ "0428", 2019, "Trysil", "3421" },
	{ "0429", 2019, "Åmot", "3422" },
	{ "0430", 2019, "Stor-Elvdal", "3423" },
	{ "0432", 2019, "Rendalen", "3424" },
	{ "0434", 2019, "Engerdal", "3425" },
	{ "0436", 2019, "Tolga", "3426" },
	{ "0437", 2019, "Tynset", "3427" },
	{ "0438", 2019, "Alvdal", "3428" },
	{ "0439", 2019, "Folldal", "3429" },
	{ "0441", 2019, "Os (Hedmark)", "3430" },
	{ "0501", 2019, "Lillehammer", "3405" },
	{ "0502", 2019, "Gjøvik", "3407" },
	{ "0511", 2019, "Dovre", "3431" },
	{ "0512", 2019, "Lesja", "3432" },
	{ "0513", 2019, "Skjåk", "3433" },
	{ "0514", 2019, "Lom", "3434" },
	{ "0515", 2019, "Vågå", "3435" },
	{ "0516", 2019, "Nord-Fron", "3436" },
	{ "0517", 2019, "Sel", "3437" },
	{ "0519", 2019, "Sør-Fron", "3438" },
	{ "0520", 2019, "Ringebu", "3439" },
	{ "0521", 2019, "Øyer", "3440" },
	{ "0522", 2019, "Gausdal", "3441" },
	{ "0528", 2019, "Østre Toten", "3442" },
	{ "0529", 2019, "Vestre Toten", "3443" },
	{ "0532", 2019, "Jevnaker", "3236" },
	{ "0533", 2019, "Lunner", "3234" },
	{ "0534", 2019, "Gran", "3446" },
	{ "0536", 2019, "Søndre Land", "3447" },
	{ "0538", 2019, "Nordre Land", "3448" },
	{ "0540", 2019, "Sør-Aurdal", "3449" },
	{ "0541", 2019, "Etnedal", "3450" },
	{ "0542", 2019, "Nord-Aurdal", "3451" },
	{ "0543", 2019, "Vestre Slidre", "3452" },
	{ "0544", 2019, "Øystre Slidre", "3453" },
	{ "0545", 2019, "Vang", "3454" },
	{ "0602", 2019, "Drammen", "3301" },
	{ "0604", 2019, "Kongsberg", "3303" },
	{ "0605", 2019, "Ringerike", "3305" },
	{ "0612", 2019, "Hole", "3310" },
	{ "0615", 2019, "Flå", "3320" },
	{ "0616", 2019, "Nes (Buskerud)", "3322" },
	{ "0617", 2019, "Gol", "3324" },
	{ "0618", 2019, "Hemsedal", "3326" },
	{ "0619", 2019, "Ål", "3328" },
	{ "0620", 2019, "Hol", "3330" },
	{ "0621", 2019, "Sigdal", "3332" },
	{ "0622", 2019, "Krødsherad", "3318" },
	{ "0623", 2019, "Modum", "3316" },
	{ "0624", 2019, "Øvre Eiker", "3314" },
	{ "0625", 2019, "Nedre Eiker", "3301" },
	{ "0626", 2019, "Lier", "3312" },
	{ "0627", 2019, "Røyken", "3203" },
	{ "0628", 2019, "Hurum", "3203" },
	{ "0631", 2019, "Flesberg", "3334" },
	{ "0632", 2019, "Rollag", "3336" },
	{ "0633", 2019, "Nore og Uvdal", "3338" },
	{ "0701", 2019, "Horten", "3901" },
	{ "0702", 2017, "Holmestrand", "3903" },
	{ "0704", 2019, "Tønsberg", "3905" },
	{ "0706", 2016, "Sandefjord", "3907" },
	{ "0709", 2017, "Larvik", "3909" },
	{ "0710", 2019, "Sandefjord", "3907" },
	{ "0711", 2019, "Svelvik", "3301" },
	{ "0712", 2019, "Larvik", "3909" },
	{ "0713", 2019, "Sande (Vestfold)", "3903" },
	{ "0714", 2017, "Hof", "3903" },
	{ "0715", 2019, "Holmestrand", "3903" },
	{ "0716", 2019, "Re", "3905" },
	{ "0718", 2001, "Ramnes", "3905" },
	{ "0719", 2016, "Andebu", "3907" },
	{ "0720", 2016, "Stokke", "3907" },
	{ "0722", 2017, "Nøtterøy", "3911" },
	{ "0723", 2017, "Tjøme", "3911" },
	{ "0728", 2017, "Lardal", "3909" },
	{ "0729", 2019, "Færder", "3911" },
	{ "0805", 2019, "Porsgrunn", "4001" },
	{ "0806", 2019, "Skien", "4003" },
	{ "0807", 2019, "Notodden", "4005" },
	{ "0811", 2019, "Siljan", "4010" },
	{ "0814", 2019, "Bamble", "4012" },
	{ "0815", 2019, "Kragerø", "4014" },
	{ "0817", 2019, "Drangedal", "4016" },
	{ "0819", 2019, "Nome", "4018" },
	{ "0821", 2019, "Bø (Telemark)", "4020" },
	{ "0822", 2019, "Sauherad", "4020" },
	{ "0826", 2019, "Tinn", "4026" },
	{ "0827", 2019, "Hjartdal", "4024" },
	{ "0828", 2019, "Seljord", "4022" },
	{ "0829", 2019, "Kviteseid", "4028" },
	{ "0830", 2019, "Nissedal", "4030" },
	{ "0831", 2019, "Fyresdal", "4032" },
	{ "0833", 2019, "Tokke", "4034" },
	{ "0834", 2019, "Vinje", "4036" },
	{ "0901", 2019, "Risør", "4201" },
	{ "0904", 2019, "Grimstad", "4202" },
	{ "0906", 2019, "Arendal", "4203" },
	{ "0911", 2019, "Gjerstad", "4211" },
	{ "0912", 2019, "Vegårshei", "4212" },
	{ "0914", 2019, "Tvedestrand", "4213" },
	{ "0919", 2019, "Froland", "4214" },
	{ "0926", 2019, "Lillesand", "4215" },
	{ "0928", 2019, "Birkenes", "4216" },
	{ "0929", 2019, "Åmli", "4217" },
	{ "0935", 2019, "Iveland", "4218" },
	{ "0937", 2019, "Evje og Hornnes", "4219" },
	{ "0938", 2019, "Bygland", "4220" },
	{ "0940", 2019, "Valle", "4221" },
	{ "0941", 2019, "Bykle", "4222" },
	{ "1001", 2019, "Kristiansand", "4204" },
	{ "1002", 2019, "Mandal", "4205" },
	{ "1003", 2019, "Farsund", "4206" },
	{ "1004", 2019, "Flekkefjord", "4207" },
	{ "1014", 2019, "Vennesla", "4223" },
	{ "1017", 2019, "Songdalen", "4204" },
	{ "1018", 2019, "Søgne", "4204" },
	{ "1021", 2019, "Marnardal", "4205" },
	{ "1026", 2019, "Åseral", "4224" },
	{ "1027", 2019, "Audnedal", "4225" },
	{ "1029", 2019, "Lindesnes", "4205" },
	{ "1032", 2019, "Lyngdal", "4225" },
	{ "1034", 2019, "Hægebostad", "4226" },
	{ "1037", 2019, "Kvinesdal", "4227" },
	{ "1046", 2019, "Sirdal", "4228" },
	{ "1102", 2019, "Sandnes", "1108" },
	{ "1129", 2019, "Forsand", "1108" },
	{ "1141", 2019, "Finnøy", "1103" },
	{ "1142", 2019, "Rennesøy", "1103" },
	{ "1154", 2005, "Vindafjord", "1160" },
	{ "1159", 2005, "Ølen", "1160" },
	{ "1201", 2019, "Bergen", "4601" },
	{ "1211", 2019, "Etne", "4611" },
	{ "1214", 2001, "Ølen", "1160" },
	{ "1216", 2019, "Sveio", "4612" },
	{ "1219", 2019, "Bømlo", "4613" },
	{ "1221", 2019, "Stord", "4614" },
	{ "1222", 2019, "Fitjar", "4615" },
	{ "1223", 2019, "Tysnes", "4616" },
	{ "1224", 2019, "Kvinnherad", "4617" },
	{ "1227", 2019, "Jondal", "4618" },
	{ "1228", 2019, "Odda", "4618" },
	{ "1231", 2019, "Ullensvang", "4618" },
	{ "1232", 2019, "Eidfjord", "4619" },
	{ "1233", 2019, "Ulvik", "4620" },
	{ "1234", 2019, "Granvin", "4621" },
	{ "1235", 2019, "Voss", "4621" },
	{ "1238", 2019, "Kvam", "4622" },
	{ "1241", 2019, "Fusa", "4624" },
	{ "1242", 2019, "Samnanger", "4623" },
	{ "1243", 2019, "Os (Hordaland)", "4624" },
	{ "1244", 2019, "Austevoll", "4625" },
	{ "1245", 2019, "Sund", "4626" },
	{ "1246", 2019, "Fjell", "4626" },
	{ "1247", 2019, "Askøy", "4627" },
	{ "1251", 2019, "Vaksdal", "4628" },
	{ "1252", 2019, "Modalen", "4629" },
	{ "1253", 2019, "Osterøy", "4630" },
	{ "1256", 2019, "Meland", "4631" },
	{ "1259", 2019, "Øygarden", "4626" },
	{ "1260", 2019, "Radøy", "4631" },
	{ "1263", 2019, "Lindås", "4631" },
	{ "1264", 2019, "Austrheim", "4632" },
	{ "1265", 2019, "Fedje", "4633" },
	{ "1266", 2019, "Masfjorden", "4634" },
	{ "1401", 2019, "Flora", "4602" },
	{ "1411", 2019, "Gulen", "4635" },
	{ "1412", 2019, "Solund", "4636" },
	{ "1413", 2019, "Hyllestad", "4637" },
	{ "1416", 2019, "Høyanger", "4638" },
	{ "1417", 2019, "Vik", "4639" },
	{ "1418", 2019, "Balestrand", "4640" },
	{ "1419", 2019, "Leikanger", "4640" },
	{ "1420", 2019, "Sogndal", "4640" },
	{ "1421", 2019, "Aurland", "4641" },
	{ "1422", 2019, "Lærdal", "4642" },
	{ "1424", 2019, "Årdal", "4643" },
	{ "1426", 2019, "Luster", "4644" },
	{ "1428", 2019, "Askvoll", "4645" },
	{ "1429", 2019, "Fjaler", "4646" },
	{ "1430", 2019, "Gaular", "4647" },
	{ "1431", 2019, "Jølster", "4647" },
	{ "1432", 2019, "Førde", "4647" },
	{ "1433", 2019, "Naustdal", "4647" },
	{ "1438", 2019, "Bremanger", "4648" },
	{ "1439", 2019, "Vågsøy", "4602" },
	{ "1441", 2019, "Selje", "4649" },
	{ "1443", 2019, "Eid", "4649" },
	{ "1444", 2019, "Hornindal", "1577" },
	{ "1445", 2019, "Gloppen", "4650" },
	{ "1449", 2019, "Stryn", "4651" },
	{ "1502", 2019, "Molde", "1506" },
	{ "1503", 2007, "Kristiansund", "1505" },
	{ "1504", 2019, "Ålesund", "1508" },
	{ "1507", 2023, "Ålesund", "1508,1580" },
	{ "1519", 2019, "Volda", "1577" },
	{ "1523", 2019, "Ørskog", "1508" },
	{ "1524", 2019, "Norddal", "1578" },
	{ "1526", 2019, "Stordal", "1578" },
	{ "1529", 2019, "Skodje", "1508" },
	{ "1534", 2019, "Haram", "1580" },
	{ "1543", 2019, "Nesset", "1506" },
	{ "1545", 2019, "Midsund", "1506" },
	{ "1546", 2019, "Sandøy", "1508" },
	{ "1548", 2019, "Fræna", "1579" },
	{ "1551", 2019, "Eide", "1579" },
	{ "1556", 2007, "Frei", "1505" },
	{ "1567", 2018, "Rindal", "5061" },
	{ "1569", 2005, "Aure", "1576" },
	{ "1571", 2019, "Halsa", "5055" },
	{ "1572", 2005, "Tustna", "1576" },
	{ "1601", 2017, "Trondheim", "5001" },
	{ "1612", 2017, "Hemne", "5055" },
	{ "1613", 2017, "Snillfjord", "5055,5056,5059" },
	{ "1617", 2017, "Hitra", "5056" },
	{ "1620", 2017, "Frøya", "5014" },
	{ "1621", 2017, "Ørland", "5057" },
	{ "1622", 2017, "Agdenes", "5059" },
	{ "1624", 2017, "Rissa", "5054" },
	{ "1627", 2017, "Bjugn", "5057" },
	{ "1630", 2017, "Åfjord", "5058" },
	{ "1632", 2017, "Roan", "5058" },
	{ "1633", 2017, "Osen", "5020" },
	{ "1634", 2017, "Oppdal", "5021" },
	{ "1635", 2017, "Rennebu", "5022" },
	{ "1636", 2017, "Meldal", "5059" },
	{ "1638", 2017, "Orkdal", "5059" },
	{ "1640", 2017, "Røros", "5025" },
	{ "1644", 2017, "Holtålen", "5026" },
	{ "1648", 2017, "Midtre Gauldal", "5027" },
	{ "1653", 2017, "Melhus", "5028" },
	{ "1657", 2017, "Skaun", "5029" },
	{ "1662", 2017, "Klæbu", "5001" },
	{ "1663", 2017, "Malvik", "5031" },
	{ "1664", 2017, "Selbu", "5032" },
	{ "1665", 2017, "Tydal", "5033" },
	{ "1702", 2017, "Steinkjer", "5006" },
	{ "1703", 2017, "Namsos", "5007" },
	{ "1711", 2017, "Meråker", "5034" },
	{ "1714", 2017, "Stjørdal", "5035" },
	{ "1717", 2017, "Frosta", "5036" },
	{ "1718", 2017, "Leksvik", "5054" },
	{ "1719", 2017, "Levanger", "5037" },
	{ "1721", 2017, "Verdal", "5038" },
	{ "1723", 2011, "Mosvik", "5053" },
	{ "1724", 2017, "Verran", "5006" },
	{ "1725", 2017, "Namdalseid", "5007" },
	{ "1729", 2011, "Inderøy", "5053" },
	{ "1736", 2017, "Snåase - Snåsa", "5041" },
	{ "1738", 2017, "Lierne", "5042" },
	{ "1739", 2017, "Raarvihke - Røyrvik", "5043" },
	{ "1740", 2017, "Namsskogan", "5044" },
	{ "1742", 2017, "Grong", "5045" },
	{ "1743", 2017, "Høylandet", "5046" },
	{ "1744", 2017, "Overhalla", "5047" },
	{ "1748", 2017, "Fosnes", "5007" },
	{ "1749", 2017, "Flatanger", "5049" },
	{ "1750", 2017, "Vikna", "5060" },
	{ "1751", 2017, "Nærøy", "5060" },
	{ "1755", 2017, "Leka", "5052" },
	{ "1756", 2017, "Inderøy", "5053" },
	{ "1805", 2019, "Narvik", "1806" },
	{ "1842", 2004, "Skjerstad", "1804" },
	{ "1849", 2019, "Hamarøy - Hábmer", "1875" },
	{ "1850", 2019, "Divtasvuodna - Tysfjord", "1806,1875" },
	{ "1852", 2019, "Tjeldsund", "5512" },
	{ "1854", 2019, "Ballangen", "1806" },
	{ "1901", 2012, "Harstad", "5503" },
	{ "1902", 2019, "Tromsø", "5501" },
	{ "1903", 2019, "Harstad - Hárstták", "5503" },
	{ "1911", 2019, "Kvæfjord", "5510" },
	{ "1913", 2019, "Skånland", "5512" },
	{ "1915", 2012, "Bjarkøy", "5503" },
	{ "1917", 2019, "Ibestad", "5514" },
	{ "1919", 2019, "Gratangen", "5516" },
	{ "1920", 2019, "Loabák - Lavangen", "5518" },
	{ "1922", 2019, "Bardu", "5520" },
	{ "1923", 2019, "Salangen", "5522" },
	{ "1924", 2019, "Målselv", "5524" },
	{ "1925", 2019, "Sørreisa", "5526" },
	{ "1926", 2019, "Dyrøy", "5528" },
	{ "1927", 2019, "Tranøy", "5530" },
	{ "1928", 2019, "Torsken", "5530" },
	{ "1929", 2019, "Berg", "5530" },
	{ "1931", 2019, "Lenvik", "5530" },
	{ "1933", 2019, "Balsfjord", "5532" },
	{ "1936", 2019, "Karlsøy", "5534" },
	{ "1938", 2019, "Lyngen", "5536" },
	{ "1939", 2019, "Storfjord - Omasvuotna - Omasvuono", "5538" },
	{ "1940", 2019, "Gáivuotna - Kåfjord - Kaivuono", "5540" },
	{ "1941", 2019, "Skjervøy", "5542" },
	{ "1942", 2019, "Nordreisa - Ráisa - Raisi", "5544" },
	{ "1943", 2019, "Kvænangen", "5546" },
	{ "2002", 2019, "Vardø", "5634" },
	{ "2003", 2019, "Vadsø", "5607" },
	{ "2004", 2019, "Hammerfest", "5603" },
	{ "2011", 2019, "Guovdageaidnu - Kautokeino", "5612" },
	{ "2012", 2019, "Alta", "5601" },
	{ "2014", 2019, "Loppa", "5614" },
	{ "2015", 2019, "Hasvik", "5616" },
	{ "2017", 2019, "Kvalsund", "5603" },
	{ "2018", 2019, "Måsøy", "5618" },
	{ "2019", 2019, "Nordkapp", "5620" },
	{ "2020", 2019, "Porsanger - Porsángu - Porsanki", "5622" },
	{ "2021", 2019, "Kárásjohka - Karasjok", "5610" },
	{ "2022", 2019, "Lebesby", "5624" },
	{ "2023", 2019, "Gamvik", "5626" },
	{ "2024", 2019, "Berlevåg", "5630" },
	{ "2025", 2019, "Deatnu - Tana", "5628" },
	{ "2027", 2019, "Unjárga - Nesseby", "5636" },
	{ "2028", 2019, "Båtsfjord", "5632" },
	{ "2030", 2019, "Sør-Varanger", "5605" },
	{ "3001", 2023, "Halden", "3101" },
	{ "3002", 2023, "Moss", "3103" },
	{ "3003", 2023, "Sarpsborg", "3105" },
	{ "3004", 2023, "Fredrikstad", "3107" },
	{ "3005", 2023, "Drammen", "3301" },
	{ "3006", 2023, "Kongsberg", "3303" },
	{ "3007", 2023, "Ringerike", "3305" },
	{ "3011", 2023, "Hvaler", "3110" },
	{ "3012", 2023, "Aremark", "3124" },
	{ "3013", 2023, "Marker", "3122" },
	{ "3014", 2023, "Indre Østfold", "3118" },
	{ "3015", 2023, "Skiptvet", "3116" },
	{ "3016", 2023, "Rakkestad", "3120" },
	{ "3017", 2023, "Råde", "3112" },
	{ "3018", 2023, "Våler (Viken)", "3114" },
	{ "3019", 2023, "Vestby", "3216" },
	{ "3020", 2023, "Nordre Follo", "3207" },
	{ "3021", 2023, "Ås", "3218" },
	{ "3022", 2023, "Frogn", "3214" },
	{ "3023", 2023, "Nesodden", "3212" },
	{ "3024", 2023, "Bærum", "3201" },
	{ "3025", 2023, "Asker", "3203" },
	{ "3026", 2023, "Aurskog-Høland", "3226" },
	{ "3027", 2023, "Rælingen", "3224" },
	{ "3028", 2023, "Enebakk", "3220" },
	{ "3029", 2023, "Lørenskog", "3222" },
	{ "3030", 2023, "Lillestrøm", "3205" },
	{ "3031", 2023, "Nittedal", "3232" },
	{ "3032", 2023, "Gjerdrum", "3230" },
	{ "3033", 2023, "Ullensaker", "3209" },
	{ "3034", 2023, "Nes", "3228" },
	{ "3035", 2023, "Eidsvoll", "3240" },
	{ "3036", 2023, "Nannestad", "3238" },
	{ "3037", 2023, "Hurdal", "3242" },
	{ "3038", 2023, "Hole", "3310" },
	{ "3039", 2023, "Flå", "3320" },
	{ "3040", 2023, "Nesbyen", "3322" },
	{ "3041", 2023, "Gol", "3324" },
	{ "3042", 2023, "Hemsedal", "3326" },
	{ "3043", 2023, "Ål", "3328" },
	{ "3044", 2023, "Hol", "3330" },
	{ "3045", 2023, "Sigdal", "3332" },
	{ "3046", 2023, "Krødsherad", "3318" },
	{ "3047", 2023, "Modum", "3316" },
	{ "3048", 2023, "Øvre Eiker", "3314" },
	{ "3049", 2023, "Lier", "3312" },
	{ "3050", 2023, "Flesberg", "3334" },
	{ "3051", 2023, "Rollag", "3336" },
	{ "3052", 2023, "Nore og Uvdal", "3338" },
	{ "3053", 2023, "Jevnaker", "3236" },
	{ "3054", 2023, "Lunner", "3234" },
	{ "3801", 2023, "Horten", "3901" },
	{ "3802", 2023, "Holmestrand", "3903" },
	{ "3803", 2023, "Tønsberg", "3905" },
	{ "3804", 2023, "Sandefjord", "3907" },
	{ "3805", 2023, "Larvik", "3909" },
	{ "3806", 2023, "Porsgrunn", "4001" },
	{ "3807", 2023, "Skien", "4003" },
	{ "3808", 2023, "Notodden", "4005" },
	{ "3811", 2023, "Færder", "3911" },
	{ "3812", 2023, "Siljan", "4010" },
	{ "3813", 2023, "Bamble", "4012" },
	{ "3814", 2023, "Kragerø", "4014" },
	{ "3815", 2023, "Drangedal", "4016" },
	{ "3816", 2023, "Nome", "4018" },
	{ "3817", 2023, "Midt-Telemark", "4020" },
	{ "3818", 2023, "Tinn", "4026" },
	{ "3819", 2023, "Hjartdal", "4024" },
	{ "3820", 2023, "Seljord", "4022" },
	{ "3821", 2023, "Kviteseid", "4028" },
	{ "3822", 2023, "Nissedal", "4030" },
	{ "3823", 2023, "Fyresdal", "4032" },
	{ "3824", 2023, "Tokke", "4034" },
	{ "3825", 2023, "Vinje", "4036" },
	{ "5004", 2019, "Steinkjer", "5006" },
	{ "5005", 2019, "Namsos", "5007" },
	{ "5011", 2019, "Hemne", "5055" },
	{ "5012", 2019, "Snillfjord", "5055,5056,5059" },
	{ "5013", 2019, "Hitra", "5056" },
	{ "5015", 2019, "Ørland", "5057" },
	{ "5016", 2019, "Agdenes", "5059" },
	{ "5017", 2019, "Bjugn", "5057" },
	{ "5018", 2019, "Åfjord", "5058" },
	{ "5019", 2019, "Roan", "5058" },
	{ "5023", 2019, "Meldal", "5059" },
	{ "5024", 2019, "Orkdal", "5059" },
	{ "5030", 2019, "Klæbu", "5001" },
	{ "5039", 2019, "Verran", "5006" },
	{ "5040", 2019, "Namdalseid", "5007" },
	{ "5048", 2019, "Fosnes", "5007" },
	{ "5050", 2019, "Vikna", "5060" },
	{ "5051", 2019, "Nærøy", "5060" },
	{ "5401", 2023, "Tromsø", "5501" },
	{ "5402", 2023, "Harstad", "5503" },
	{ "5403", 2023, "Alta", "5601" },
	{ "5404", 2023, "Vardø", "5634" },
	{ "5405", 2023, "Vadsø", "5607" },
	{ "5406", 2023, "Hammerfest", "5603" },
	{ "5411", 2023, "Kvæfjord", "5510" },
	{ "5412", 2023, "Tjeldsund", "5512" },
	{ "5413", 2023, "Ibestad", "5514" },
	{ "5414", 2023, "Gratangen", "5516" },
	{ "5415", 2023, "Loabák - Lavangen", "5518" },
	{ "5416", 2023, "Bardu", "5520" },
	{ "5417", 2023, "Salangen", "5522" },
	{ "5418", 2023, "Målselv", "5524" },
	{ "5419", 2023, "Sørreisa", "5526" },
	{ "5420", 2023, "Dyrøy", "5528" },
	{ "5421", 2023, "Senja", "5530" },
	{ "5422", 2023, "Balsfjord", "5532" },
	{ "5423", 2023, "Karlsøy", "5534" },
	{ "5424", 2023, "Lyngen", "5536" },
	{ "5425", 2023, "Storfjord - Omasvuotna - Omasvuono", "5538" },
	{ "5426", 2023, "Gáivuotna - Kåfjord - Kaivuono", "5540" },
	{ "5427", 2023, "Skjervøy", "5542" },
	{ "5428", 2023, "Nordreisa", "5544" },
	{ "5429", 2023, "Kvænangen", "5546" },
	{ "5430", 2023, "Guovdageaidnu - Kautokeino", "5612" },
	{ "5432", 2023, "Loppa", "5614" },
	{ "5433", 2023, "Hasvik", "5616" },
	{ "5434", 2023, "Måsøy", "5618" },
	{ "5435", 2023, "Nordkapp", "5620" },
	{ "5436", 2023, "Porsanger - Porsángu - Porsanki", "5622" },
	{ "5437", 2023, "Kárásjohka - Karasjok", "5610" },
	{ "5438", 2023, "Lebesby", "5624" },
	{ "5439", 2023, "Gamvik", "5626" },
	{ "5440", 2023, "Berlevåg", "5630" },
	{ "5441", 2023, "Deatnu - Tana", "5628" },
	{ "5442", 2023, "Unjárga - Nesseby", "5636" },
	{ "5443", 2023, "Båtsfjord", "5632" },
	{ "5444", 2023, "Sør-Varanger", "5605" },
};
#define NRETIRED (sizeof(retired) / sizeof(retired[0]))

/* The names as lms_municipality_lookup folds them (see fold), sorted by
 * their bytes; a name of two municipalities has two entries. */
struct key {
	const char *key;
	char number[5];
};

static const struct key keys[] = {
	{ "afjord", "5058" },
	{ "al", "3328" },
	{ "alesund", "1508" },
	{ "alstahaug", "1820" },
	{ "alta", "5601" },
	{ "alvdal", "3428" },
	{ "alver", "4631" },
	{ "amli", "4217" },
	{ "amot", "3422" },
	{ "andoy", "1871" },
	{ "arborte", "1826" },
	{ "arborte hattfjelldal", "1826" },
	{ "ardal", "4643" },
	{ "aremark", "3124" },
	{ "arendal", "4203" },
	{ "as", "3218" },
	{ "aseral", "4224" },
	{ "asker", "3203" },
	{ "askoy", "4627" },
	{ "askvoll", "4645" },
	{ "asnes", "3418" },
	{ "aukra", "1547" },
	{ "aure", "1576" },
	{ "aurland", "4641" },
	{ "aurskog holand", "3226" },
	{ "austevoll", "4625" },
	{ "austrheim", "4632" },
	{ "averoy", "1554" },
	{ "baerum", "3201" },
	{ "balsfjord", "5532" },
	{ "bamble", "4012" },
	{ "bardu", "5520" },
	{ "batsfjord", "5632" },
	{ "beiarn", "1839" },
	{ "bergen", "4601" },
	{ "berlevag", "5630" },
	{ "bindal", "1811" },
	{ "birkenes", "4216" },
	{ "bjerkreim", "1114" },
	{ "bjornafjorden", "4624" },
	{ "bo", "1867" },
	{ "bodo", "1804" },
	{ "bokn", "1145" },
	{ "bomlo", "4613" },
	{ "bremanger", "4648" },
	{ "bronnoy", "1813" },
	{ "bygland", "4220" },
	{ "bykle", "4222" },
	{ "deatnu", "5628" },
	{ "deatnu tana", "5628" },
	{ "dielddanuorri", "5512" },
	{ "dielddanuorri tjeldsund", "5512" },
	{ "donna", "1827" },
	{ "dovre", "3431" },
	{ "drammen", "3301" },
	{ "drangedal", "4016" },
	{ "dyroy", "5528" },
	{ "eidfjord", "4619" },
	{ "eidskog", "3416" },
	{ "eidsvoll", "3240" },
	{ "eigersund", "1101" },
	{ "elverum", "3420" },
	{ "enebakk", "3220" },
	{ "engerdal", "3425" },
	{ "etne", "4611" },
	{ "etnedal", "3450" },
	{ "evenassi", "1853" },
	{ "evenes", "1853" },
	{ "evenes evenassi", "1853" },
	{ "evje og hornnes", "4219" },
	{ "faerder", "3911" },
	{ "farsund", "4206" },
	{ "fauske", "1841" },
	{ "fauske fuossko", "1841" },
	{ "fedje", "4633" },
	{ "fitjar", "4615" },
	{ "fjaler", "4646" },
	{ "fjord", "1578" },
	{ "fla", "3320" },
	{ "flakstad", "1859" },
	{ "flatanger", "5049" },
	{ "flekkefjord", "4207" },
	{ "flesberg", "3334" },
	{ "folldal", "3429" },
	{ "fredrikstad", "3107" },
	{ "frogn", "3214" },
	{ "froland", "4214" },
	{ "frosta", "5036" },
	{ "froya", "5014" },
	{ "fuollda", "1845" },
	{ "fuossko", "1841" },
	{ "fyresdal", "4032" },
	{ "gaivuotna", "5540" },
	{ "gaivuotna kafjord kaivuono", "5540" },
	{ "gamvik", "5626" },
	{ "gausdal", "3441" },
	{ "gildeskal", "1838" },
	{ "giske", "1532" },
	{ "gjemnes", "1557" },
	{ "gjerdrum", "3230" },
	{ "gjerstad", "4211" },
	{ "gjesdal", "1122" },
	{ "gjovik", "3407" },
	{ "gloppen", "4650" },
	{ "gol", "3324" },
	{ "gran", "3446" },
	{ "grane", "1825" },
	{ "gratangen", "5516" },
	{ "grimstad", "4202" },
	{ "grong", "5045" },
	{ "grue", "3417" },
	{ "gulen", "4635" },
	{ "guovdageaidnu", "5612" },
	{ "guovdageaidnu kautokeino", "5612" },
	{ "ha", "1119" },
	{ "habmer", "1875" },
	{ "habmer hamaroy", "1875" },
	{ "hadsel", "1866" },
	{ "haegebostad", "4226" },
	{ "halden", "3101" },
	{ "hamar", "3403" },
	{ "hamaroy", "1875" },
	{ "hammerfeasta", "5603" },
	{ "hammerfest", "5603" },
	{ "hammerfest hammerfeasta", "5603" },
	{ "haram", "1580" },
	{ "hareid", "1517" },
	{ "harstad", "5503" },
	{ "harstad harsttak", "5503" },
	{ "harsttak", "5503" },
	{ "hasvik", "5616" },
	{ "hattfjelldal", "1826" },
	{ "haugesund", "1106" },
	{ "heim", "5055" },
	{ "hemnes", "1832" },
	{ "hemsedal", "3326" },
	{ "heroy", "1515" },
	{ "heroy", "1818" },
	{ "heroy more og romsdal", "1515" },
	{ "heroy nordland", "1818" },
	{ "hitra", "5056" },
	{ "hjartdal", "4024" },
	{ "hjelmeland", "1133" },
	{ "hol", "3330" },
	{ "hole", "3310" },
	{ "holmestrand", "3903" },
	{ "holtalen", "5026" },
	{ "horten", "3901" },
	{ "hoyanger", "4638" },
	{ "hoylandet", "5046" },
	{ "hurdal", "3242" },
	{ "hustadvika", "1579" },
	{ "hvaler", "3110" },
	{ "hyllestad", "4637" },
	{ "ibestad", "5514" },
	{ "inderoy", "5053" },
	{ "indre fosen", "5054" },
	{ "indre ostfold", "3118" },
	{ "iveland", "4218" },
	{ "jevnaker", "3236" },
	{ "kafjord", "5540" },
	{ "kaivuono", "5540" },
	{ "karasjohka", "5610" },
	{ "karasjohka karasjok", "5610" },
	{ "karasjok", "5610" },
	{ "karlsoy", "5534" },
	{ "karmoy", "1149" },
	{ "kautokeino", "5612" },
	{ "kinn", "4602" },
	{ "klepp", "1120" },
	{ "kongsberg", "3303" },
	{ "kongsvinger", "3401" },
	{ "kragero", "4014" },
	{ "kristiansand", "4204" },
	{ "kristiansund", "1505" },
	{ "krodsherad", "3318" },
	{ "kvaefjord", "5510" },
	{ "kvaenangen", "5546" },
	{ "kvam", "4622" },
	{ "kvinesdal", "4227" },
	{ "kvinnherad", "4617" },
	{ "kviteseid", "4028" },
	{ "kvitsoy", "1144" },
	{ "laerdal", "4642" },
	{ "larvik", "3909" },
	{ "lavangen", "5518" },
	{ "lebesby", "5624" },
	{ "leirfjord", "1822" },
	{ "leka", "5052" },
	{ "lesja", "3432" },
	{ "levanger", "5037" },
	{ "levangke", "5037" },
	{ "lier", "3312" },
	{ "lierne", "5042" },
	{ "lillehammer", "3405" },
	{ "lillesand", "4215" },
	{ "lillestrom", "3205" },
	{ "lindesnes", "4205" },
	{ "loabak", "5518" },
	{ "loabak lavangen", "5518" },
	{ "lodingen", "1851" },
	{ "lom", "3434" },
	{ "loppa", "5614" },
	{ "lorenskog", "3222" },
	{ "loten", "3412" },
	{ "lund", "1112" },
	{ "lunner", "3234" },
	{ "luroy", "1834" },
	{ "luster", "4644" },
	{ "lyngdal", "4225" },
	{ "lyngen", "5536" },
	{ "malselv", "5524" },
	{ "malvik", "5031" },
	{ "marker", "3122" },
	{ "masfjorden", "4634" },
	{ "masoy", "5618" },
	{ "melhus", "5028" },
	{ "meloy", "1837" },
	{ "meraker", "5034" },
	{ "midt telemark", "4020" },
	{ "midtre gauldal", "5027" },
	{ "modalen", "4629" },
	{ "modum", "3316" },
	{ "molde", "1506" },
	{ "moskenes", "1874" },
	{ "moss", "3103" },
	{ "naeroysund", "5060" },
	{ "namsos", "5007" },
	{ "namsskogan", "5044" },
	{ "nannestad", "3238" },
	{ "narvik", "1806" },
	{ "navmesjenjaelmie", "5007" },
	{ "nes", "3228" },
	{ "nesbyen", "3322" },
	{ "nesna", "1828" },
	{ "nesodden", "3212" },
	{ "nesseby", "5636" },
	{ "nissedal", "4030" },
	{ "nittedal", "3232" },
	{ "nome", "4018" },
	{ "nord aurdal", "3451" },
	{ "nord fron", "3436" },
	{ "nord odal", "3414" },
	{ "nordkapp", "5620" },
	{ "nordre follo", "3207" },
	{ "nordre land", "3448" },
	{ "nordreisa", "5544" },
	{ "nordreisa raisa raisi", "5544" },
	{ "nore og uvdal", "3338" },
	{ "notodden", "4005" },
	{ "oksnes", "1868" },
	{ "omasvuono", "5538" },
	{ "omasvuotna", "5538" },
	{ "oppdal", "5021" },
	{ "orkland", "5059" },
	{ "orland", "5057" },
	{ "orsta", "1520" },
	{ "os", "3430" },
	{ "osen", "5020" },
	{ "oslo", "0301" },
	{ "osteroy", "4630" },
	{ "ostre toten", "3442" },
	{ "overhalla", "5047" },
	{ "ovre eiker", "3314" },
	{ "oyer", "3440" },
	{ "oygarden", "4626" },
	{ "oystre slidre", "3453" },
	{ "porsanger", "5622" },
	{ "porsanger porsangu porsanki", "5622" },
	{ "porsangu", "5622" },
	{ "porsanki", "5622" },
	{ "porsgrunn", "4001" },
	{ "rade", "3112" },
	{ "raelingen", "3224" },
	{ "raisa", "5544" },
	{ "raisi", "5544" },
	{ "rakkestad", "3120" },
	{ "rana", "1833" },
	{ "randaberg", "1127" },
	{ "rane", "1833" },
	{ "rarvihke", "5043" },
	{ "rarvihke royrvik", "5043" },
	{ "rauma", "1539" },
	{ "rendalen", "3424" },
	{ "rennebu", "5022" },
	{ "rindal", "5061" },
	{ "ringebu", "3439" },
	{ "ringerike", "3305" },
	{ "ringsaker", "3411" },
	{ "risor", "4201" },
	{ "rivttak", "5516" },
	{ "rodoy", "1836" },
	{ "rollag", "3336" },
	{ "roros", "5025" },
	{ "roros rosse", "5025" },
	{ "rosse", "5025" },
	{ "rost", "1856" },
	{ "royrvik", "5043" },
	{ "salangen", "5522" },
	{ "saltdal", "1840" },
	{ "samnanger", "4623" },
	{ "sande", "1514" },
	{ "sandefjord", "3907" },
	{ "sandnes", "1108" },
	{ "sarpsborg", "3105" },
	{ "sauda", "1135" },
	{ "sel", "3437" },
	{ "selbu", "5032" },
	{ "seljord", "4022" },
	{ "senja", "5530" },
	{ "sigdal", "3332" },
	{ "siljan", "4010" },
	{ "sirdal", "4228" },
	{ "skaun", "5029" },
	{ "skien", "4003" },
	{ "skiptvet", "3116" },
	{ "skjak", "3433" },
	{ "skjervoy", "5542" },
	{ "smola", "1573" },
	{ "snasa", "5041" },
	{ "snase", "5041" },
	{ "snase snasa", "5041" },
	{ "sogndal", "4640" },
	{ "sokndal", "1111" },
	{ "sola", "1124" },
	{ "solund", "4636" },
	{ "somna", "1812" },
	{ "sondre land", "3447" },
	{ "sor aurdal", "3449" },
	{ "sor fron", "3438" },
	{ "sor odal", "3415" },
	{ "sor varanger", "5605" },
	{ "sorfold", "1845" },
	{ "sorreisa", "5526" },
	{ "sortland", "1870" },
	{ "sortland suorta", "1870" },
	{ "stad", "4649" },
	{ "stange", "3413" },
	{ "stavanger", "1103" },
	{ "steigen", "1848" },
	{ "steinkjer", "5006" },
	{ "stjordal", "5035" },
	{ "stor elvdal", "3423" },
	{ "stord", "4614" },
	{ "storfjord", "5538" },
	{ "storfjord omasvuotna omasvuono", "5538" },
	{ "strand", "1130" },
	{ "stranda", "1525" },
	{ "stryn", "4651" },
	{ "sula", "1531" },
	{ "suldal", "1134" },
	{ "sunndal", "1563" },
	{ "sunnfjord", "4647" },
	{ "suorta", "1870" },
	{ "surnadal", "1566" },
	{ "sveio", "4612" },
	{ "sykkylven", "1528" },
	{ "tana", "5628" },
	{ "time", "1121" },
	{ "tingvoll", "1560" },
	{ "tinn", "4026" },
	{ "tjeldsund", "5512" },
	{ "tokke", "4034" },
	{ "tolga", "3426" },
	{ "tonsberg", "3905" },
	{ "traena", "1835" },
	{ "trante", "5001" },
	{ "tromso", "5501" },
	{ "trondheim", "5001" },
	{ "trondheim trante", "5001" },
	{ "trysil", "3421" },
	{ "tvedestrand", "4213" },
	{ "tydal", "5033" },
	{ "tynset", "3427" },
	{ "tysnes", "4616" },
	{ "tysvaer", "1146" },
	{ "ullensaker", "3209" },
	{ "ullensvang", "4618" },
	{ "ulstein", "1516" },
	{ "ulvik", "4620" },
	{ "unjarga", "5636" },
	{ "unjarga nesseby", "5636" },
	{ "utsira", "1151" },
	{ "vadso", "5607" },
	{ "vaeroy", "1857" },
	{ "vaga", "3435" },
	{ "vagan", "1865" },
	{ "vaksdal", "4628" },
	{ "valer", "3114" },
	{ "valer", "3419" },
	{ "valer innlandet", "3419" },
	{ "valer ostfold", "3114" },
	{ "valle", "4221" },
	{ "vang", "3454" },
	{ "vanylven", "1511" },
	{ "vardo", "5634" },
	{ "vefsn", "1824" },
	{ "vega", "1815" },
	{ "vegarshei", "4212" },
	{ "vennesla", "4223" },
	{ "verdal", "5038" },
	{ "vestby", "3216" },
	{ "vestnes", "1535" },
	{ "vestre slidre", "3452" },
	{ "vestre toten", "3443" },
	{ "vestvagoy", "1860" },
	{ "vevelstad", "1816" },
	{ "vik", "4639" },
	{ "vindafjord", "1160" },
	{ "vinje", "4036" },
	{ "volda", "1577" },
	{ "voss", "4621" },
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

/* The next character of UTF-8 text, or the byte itself if it is none. */
static uint32_t next_char(const unsigned char **s)
{
	const unsigned char *p = *s;

	if (p[0] >= 0xc2 && p[0] <= 0xdf && (p[1] & 0xc0) == 0x80) {
		*s += 2;
		return (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
	}
	*s += 1;
	return p[0];
}

/* Latin letters with marks, as a keyboard without them writes them. */
static const char *plain(uint32_t c)
{
	static const struct { uint32_t c; const char *s; } map[] = {
		{ 0xc0, "a" }, { 0xc1, "a" }, { 0xc2, "a" }, { 0xc3, "a" },
		{ 0xc4, "a" }, { 0xc5, "a" }, { 0xc6, "ae" }, { 0xc8, "e" },
		{ 0xc9, "e" }, { 0xca, "e" }, { 0xcb, "e" }, { 0xcc, "i" },
		{ 0xcd, "i" }, { 0xce, "i" }, { 0xcf, "i" }, { 0xd2, "o" },
		{ 0xd3, "o" }, { 0xd4, "o" }, { 0xd5, "o" }, { 0xd6, "o" },
		{ 0xd8, "o" }, { 0xd9, "u" }, { 0xda, "u" }, { 0xdb, "u" },
		{ 0xdc, "u" }, { 0x10c, "c" }, { 0x110, "d" }, { 0x14a, "n" },
		{ 0x160, "s" }, { 0x166, "t" }, { 0x17d, "z" },
	};
	/* Lowercase letters lie 0x20 above (Latin-1) or 1 above (Latin
	 * Extended-A) their capitals. */
	uint32_t upper = c >= 0xe0 && c <= 0xfe ? c - 0x20 :
			 c >= 0x100 && c < 0x180 && (c & 1) ? c - 1 : c;

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].c == upper)
			return map[i].s;
	return NULL;
}

/*
 * A name as it is compared: lowercase ASCII letters and digits, marks
 * left out ("Bodø" and "Bodo" are one; "æ" is "ae"), every run of other
 * ASCII characters one space, and "aa" as "a" ("Aalesund" is "Ålesund").
 */
static void fold(const char *text, struct lms_buf *out)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t w = 0;

	lms_buf_reset(out);
	while (*s) {
		const unsigned char *at = s;
		uint32_t c = next_char(&s);
		const char *p = plain(c);

		if (p)
			lms_buf_adds(out, p);
		else if (c >= 'A' && c <= 'Z')
			lms_buf_addch(out, (int)(c - 'A' + 'a'));
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			 c >= 0x80)
			lms_buf_add(out, at, (size_t)(s - at));
		else if (out->len && out->buf[out->len - 1] != ' ')
			lms_buf_addch(out, ' ');
	}
	if (out->len && out->buf[out->len - 1] == ' ')
		lms_buf_truncate(out, out->len - 1);
	for (size_t r = 0; r < out->len; r++)
		if (!(w && out->buf[r] == 'a' && out->buf[w - 1] == 'a'))
			out->buf[w++] = out->buf[r];
	lms_buf_truncate(out, w);
}

/* "Bodø kommune" is Bodø. */
static void drop_suffix(struct lms_buf *name)
{
	static const char *const suffixes[] = {
		" kommune", " kommunen", " municipality", NULL
	};

	for (int i = 0; suffixes[i]; i++) {
		size_t n = strlen(suffixes[i]);

		if (name->len > n &&
		    !strcmp(name->buf + name->len - n, suffixes[i])) {
			lms_buf_truncate(name, name->len - n);
			return;
		}
	}
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct key *)a)->key, ((const struct key *)b)->key);
}

static int by_number(const void *a, const void *b)
{
	return strcmp(a, b);
}

const char *lms_municipality_name(const char *number)
{
	const struct lms_municipality *m = bsearch(number, current, NCURRENT,
						   sizeof(*m), by_number);

	return m ? m->name : NULL;
}

static const struct retired *find_retired(const char *number)
{
	return bsearch(number, retired, NRETIRED, sizeof(retired[0]),
		       by_number);
}

bool lms_municipality_retired(const char *number, const char **name,
			      int *until)
{
	const struct retired *r = find_retired(number);

	if (r) {
		*name = r->name;
		*until = r->until;
	}
	return r != NULL;
}

const struct lms_municipality *lms_municipalities(size_t *n)
{
	*n = NCURRENT;
	return current;
}

static const struct lms_municipality *find_current(const char *number)
{
	return bsearch(number, current, NCURRENT, sizeof(current[0]),
		       by_number);
}

/* "1806 Narvik and 1875 Hábmer - Hamarøy" */
static void list_numbers(struct lms_buf *out, const char *const *numbers,
			 size_t n)
{
	/* TRANSLATORS: between the last two of a list of municipalities:
	 * "1806 Narvik, 1853 Evenes and 1875 Hamarøy". */
	const char *and = C_("list", " and ");

	for (size_t i = 0; i < n; i++)
		lms_buf_addf(out, "%s%s %s", i == 0 ? "" : i + 1 < n ? ", " :
			     and, numbers[i], lms_municipality_name(numbers[i]));
}

static int read_retired(const struct retired *r, char out[5], int *how)
{
	struct lms_buf list = LMS_BUF_INIT;
	const char *numbers[4];
	size_t n = 0;
	int err;

	if (!strchr(r->now, ',')) {
		memcpy(out, r->now, 5);
		*how = LMS_MUNI_RETIRED;
		return 0;
	}
	for (const char *p = r->now; n < 4; p += 5) {
		char number[5];

		memcpy(number, p, 4);
		number[4] = '\0';
		numbers[n++] = find_current(number)->number;
		if (!p[4])
			break;
	}
	list_numbers(&list, numbers, n);
	err = lms_error(LMS_EDATA, _("%s was %s until %d, and is now part "
			"of %s: give the number of today"), r->number, r->name, r->until,
			list.buf);
	lms_buf_release(&list);
	return err;
}

static int read_number(const char *digits, char out[5], int *how)
{
	const struct retired *r;
	char number[5];

	snprintf(number, sizeof(number), "%04d", atoi(digits));
	if (find_current(number)) {
		memcpy(out, number, 5);
		*how = LMS_MUNI_NUMBER;
		return 0;
	}
	if ((r = find_retired(number)))
		return read_retired(r, out, how);
	return lms_error(LMS_EDATA, _("'%s' is not the number of a "
			 "municipality"), digits);
}

/* The entries of keys for name: [*first, *first + n). */
static size_t find_name(const char *name, const struct key **first)
{
	struct key k = { name, "" };
	const struct key *hit = bsearch(&k, keys, NKEYS, sizeof(k), by_key);
	size_t n = 0;

	if (!hit)
		return 0;
	while (hit > keys && !strcmp(hit[-1].key, name))
		hit--;
	*first = hit;
	while (hit + n < keys + NKEYS && !strcmp(hit[n].key, name))
		n++;
	return n;
}

static int read_name(const char *text, const char *name, char out[5],
		     int *how)
{
	struct lms_buf list = LMS_BUF_INIT;
	const char *numbers[4];
	const struct key *k = NULL;
	size_t n = find_name(name, &k);
	int err;

	if (n == 1) {
		memcpy(out, k->number, 5);
		*how = LMS_MUNI_NAME;
		return 0;
	}
	if (!n)
		return lms_error(LMS_EDATA, _("'%s' is neither the name nor "
				 "the number of a municipality"), text);
	for (size_t i = 0; i < n && i < 4; i++)
		numbers[i] = k[i].number;
	list_numbers(&list, numbers, n < 4 ? n : 4);
	/* n is 2 or more here. */
	err = lms_error(LMS_EDATA, _("'%s' is the name of %zu "
			"municipalities, %s: give the number"), text, n,
			list.buf);
	lms_buf_release(&list);
	return err;
}

/* "1804 Bodø", as a drop-down list gives it: the number counts, and the
 * name must be one of the municipality it stands for today. */
static int read_both(const char *text, const char *number, const char *name,
		     char out[5], int *how)
{
	const struct key *k = NULL;
	size_t n;
	int err = read_number(number, out, how);

	if (err)
		return err;
	n = find_name(name, &k);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(k[i].number, out))
			return 0;
	return lms_error(LMS_EDATA, _("'%s': the number is that of %s %s"),
			 text, out, lms_municipality_name(out));
}

static size_t leading_digits(const char *s)
{
	size_t n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

int lms_municipality_lookup(const char *text, char out[5], int *how)
{
	struct lms_buf name = LMS_BUF_INIT;
	size_t digits;
	char number[5];
	int err;

	fold(text, &name);
	drop_suffix(&name);
	digits = leading_digits(name.buf);
	if (digits == name.len && (digits == 3 || digits == 4)) {
		err = read_number(name.buf, out, how);
	} else if (digits == 4 && name.buf[4] == ' ') {
		memcpy(number, name.buf, 4);
		number[4] = '\0';
		err = read_both(text, number, name.buf + 5, out, how);
	} else if (digits) {
		err = lms_error(LMS_EDATA, _("'%s' is not the number of a "
				"municipality"), text);
	} else {
		err = read_name(text, name.buf, out, how);
	}
	lms_buf_release(&name);
	return err;
}
