// ISO 639-1 languages with their ISO 639-2 codes and English names, plus a few widely used ISO 639-2
// languages that have no 639-1 code. Row format: `639-1|639-2/B|639-2/T (when it differs)|Name;alias;...`.
// The first name is the display name; aliases are other English names servers and users write.
const ROWS = `
aa|aar||Afar
ab|abk||Abkhazian
ae|ave||Avestan
af|afr||Afrikaans
ak|aka||Akan
am|amh||Amharic
an|arg||Aragonese
ar|ara||Arabic
as|asm||Assamese
av|ava||Avaric
ay|aym||Aymara
az|aze||Azerbaijani
ba|bak||Bashkir
be|bel||Belarusian
bg|bul||Bulgarian
bh|bih||Bihari
bi|bis||Bislama
bm|bam||Bambara
bn|ben||Bengali;Bangla
bo|tib|bod|Tibetan
br|bre||Breton
bs|bos||Bosnian
ca|cat||Catalan;Valencian
ce|che||Chechen
ch|cha||Chamorro
co|cos||Corsican
cr|cre||Cree
cs|cze|ces|Czech
cu|chu||Church Slavic;Old Church Slavonic
cv|chv||Chuvash
cy|wel|cym|Welsh
da|dan||Danish
de|ger|deu|German
dv|div||Divehi;Dhivehi;Maldivian
dz|dzo||Dzongkha
ee|ewe||Ewe
el|gre|ell|Greek;Modern Greek
en|eng||English
eo|epo||Esperanto
es|spa||Spanish;Castilian
et|est||Estonian
eu|baq|eus|Basque
fa|per|fas|Persian;Farsi
ff|ful||Fulah
fi|fin||Finnish
fj|fij||Fijian
fo|fao||Faroese
fr|fre|fra|French
fy|fry||Western Frisian;Frisian
ga|gle||Irish
gd|gla||Scottish Gaelic;Gaelic
gl|glg||Galician
gn|grn||Guarani
gu|guj||Gujarati
gv|glv||Manx
ha|hau||Hausa
he|heb||Hebrew
hi|hin||Hindi
ho|hmo||Hiri Motu
hr|hrv||Croatian
ht|hat||Haitian Creole;Haitian
hu|hun||Hungarian
hy|arm|hye|Armenian
hz|her||Herero
ia|ina||Interlingua
id|ind||Indonesian
ie|ile||Interlingue
ig|ibo||Igbo
ii|iii||Sichuan Yi
ik|ipk||Inupiaq
io|ido||Ido
is|ice|isl|Icelandic
it|ita||Italian
iu|iku||Inuktitut
ja|jpn||Japanese
jv|jav||Javanese
ka|geo|kat|Georgian
kg|kon||Kongo
ki|kik||Kikuyu
kj|kua||Kuanyama
kk|kaz||Kazakh
kl|kal||Greenlandic;Kalaallisut
km|khm||Khmer;Central Khmer
kn|kan||Kannada
ko|kor||Korean
kr|kau||Kanuri
ks|kas||Kashmiri
ku|kur||Kurdish
kv|kom||Komi
kw|cor||Cornish
ky|kir||Kyrgyz;Kirghiz
la|lat||Latin
lb|ltz||Luxembourgish
lg|lug||Ganda
li|lim||Limburgish
ln|lin||Lingala
lo|lao||Lao
lt|lit||Lithuanian
lu|lub||Luba-Katanga
lv|lav||Latvian
mg|mlg||Malagasy
mh|mah||Marshallese
mi|mao|mri|Maori
mk|mac|mkd|Macedonian
ml|mal||Malayalam
mn|mon||Mongolian
mr|mar||Marathi
ms|may|msa|Malay
mt|mlt||Maltese
my|bur|mya|Burmese
na|nau||Nauru
nb|nob||Norwegian Bokmål;Bokmål
nd|nde||North Ndebele
ne|nep||Nepali
ng|ndo||Ndonga
nl|dut|nld|Dutch;Flemish
nn|nno||Norwegian Nynorsk;Nynorsk
no|nor||Norwegian
nr|nbl||South Ndebele
nv|nav||Navajo
ny|nya||Chichewa;Nyanja
oc|oci||Occitan
oj|oji||Ojibwa
om|orm||Oromo
or|ori||Odia;Oriya
os|oss||Ossetian
pa|pan||Punjabi;Panjabi
pi|pli||Pali
pl|pol||Polish
ps|pus||Pashto;Pushto
pt|por||Portuguese
qu|que||Quechua
rm|roh||Romansh
rn|run||Rundi
ro|rum|ron|Romanian;Moldavian;Moldovan
ru|rus||Russian
rw|kin||Kinyarwanda
sa|san||Sanskrit
sc|srd||Sardinian
sd|snd||Sindhi
se|sme||Northern Sami
sg|sag||Sango
si|sin||Sinhala;Sinhalese
sk|slo|slk|Slovak
sl|slv||Slovenian;Slovene
sm|smo||Samoan
sn|sna||Shona
so|som||Somali
sq|alb|sqi|Albanian
sr|srp||Serbian
ss|ssw||Swati
st|sot||Southern Sotho
su|sun||Sundanese
sv|swe||Swedish
sw|swa||Swahili
ta|tam||Tamil
te|tel||Telugu
tg|tgk||Tajik
th|tha||Thai
ti|tir||Tigrinya
tk|tuk||Turkmen
tl|tgl||Tagalog
tn|tsn||Tswana
to|ton||Tongan
tr|tur||Turkish
ts|tso||Tsonga
tt|tat||Tatar
tw|twi||Twi
ty|tah||Tahitian
ug|uig||Uyghur;Uighur
uk|ukr||Ukrainian
ur|urd||Urdu
uz|uzb||Uzbek
ve|ven||Venda
vi|vie||Vietnamese
vo|vol||Volapük
wa|wln||Walloon
wo|wol||Wolof
xh|xho||Xhosa
yi|yid||Yiddish
yo|yor||Yoruba
za|zha||Zhuang
zh|chi|zho|Chinese;Mandarin
zu|zul||Zulu
|fil||Filipino
|haw||Hawaiian
|ast||Asturian
|nds||Low German
|gsw||Swiss German
`;

export interface LanguageRow {
  iso1: string | null;
  /** ISO 639-2/B: the code the product stores. */
  code: string;
  /** ISO 639-2/T when it differs from /B. */
  terminology: string | null;
  names: string[];
}

export const LANGUAGE_ROWS: readonly LanguageRow[] = ROWS.trim()
  .split('\n')
  .map((line) => {
    const [iso1 = '', code = '', terminology = '', names = ''] = line.split('|');
    return { iso1: iso1 || null, code, terminology: terminology || null, names: names.split(';') };
  });
