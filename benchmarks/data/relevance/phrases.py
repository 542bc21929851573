"""Phrase banks for the relevance development set (see generate.py).

Texts read the way association web pages and Lähellä.fi listings do: inflected
forms, compounds and synonyms, and every sentence in a theme's bank speaks of
that theme only, so an activity's text never claims a need its hidden ground
truth does not hold. Template fields:

``{aud}``   the audience with a leading space in the right case
            (fi allative " naisille", sv " för kvinnor", en " for women") or "";
``{where}`` the municipality with a leading space (fi " Tampereella",
            sv " i Tammerfors", en " in Tampere") or "";
``{ml}``    the community language of a mother-tongue activity
            (fi genitive "somalin", sv "somaliska", en "Somali").
"""

from __future__ import annotations

# fmt: off

# --------------------------------------------------------------------------
# Languages: Finnish adverb (-ksi), genitive, partitive, nominative; Swedish;
# English; the community an association of its speakers is named after; a
# word in the language for fictional association names.
LANGUAGES: dict[str, dict] = {
    "fi": {
        "adv": ["suomeksi"], "gen": "suomen", "part": "suomea", "nom": "suomi", "sv": "finska",
        "en": "Finnish",
    },
    "sv": {
        "adv": ["ruotsiksi"], "gen": "ruotsin", "part": "ruotsia", "nom": "ruotsi", "sv": "svenska",
        "en": "Swedish",
    },
    "en": {
        "adv": ["englanniksi"], "gen": "englannin", "part": "englantia", "nom": "englanti",
        "sv": "engelska", "en": "English",
    },
    "ar": {
        "adv": ["arabiaksi"], "gen": "arabian", "part": "arabiaa", "nom": "arabia",
        "sv": "arabiska", "en": "Arabic",
        "community": {
            "fi": ["arabiankielisten", "syyrialaisten", "irakilaisten"], "sv": ["arabisktalande"],
            "en": ["Arabic-speaking"],
        },
        "words": [
            "Al-Qamar", "Nour", "Al-Amal", "Yasmin", "Al-Jisr", "Salam", "Zaytouna", "Al-Manara",
            "Sanabel", "Al-Wafa", "Al-Nakheel", "Ghusn", "Al-Rahma", "Bayt",
        ],
    },
    "so": {
        "adv": ["somaliksi"], "gen": "somalin", "part": "somalia", "nom": "somali",
        "sv": "somaliska", "en": "Somali",
        "community": {"fi": ["somalialaisten", "somalinkielisten"], "sv": ["somaliska"], "en": ["Somali"]},
        "words": [
            "Hiddig", "Iftiin", "Dalmar", "Nabad", "Kaalmo", "Horseed", "Midnimo", "Samafal",
            "Bulsho", "Ubax", "Dalsan", "Hooyo", "Guul", "Caawin",
        ],
    },
    "fa": {
        "adv": ["persiaksi", "farsiksi"], "gen": "persian", "part": "persiaa", "nom": "persia",
        "sv": "persiska", "en": "Persian (Farsi)",
        "community": {"fi": ["iranilaisten", "persiankielisten"], "sv": ["iranska"], "en": ["Iranian"]},
        "words": [
            "Setareh", "Mehr", "Golestan", "Parvaz", "Khorshid", "Navid", "Baran", "Sepideh",
            "Ayeneh",
        ],
    },
    "prs": {
        "adv": ["dariksi"], "gen": "darin", "part": "daria", "nom": "dari", "sv": "dari",
        "en": "Dari",
        "community": {"fi": ["afganistanilaisten", "afgaanien"], "sv": ["afghanska"], "en": ["Afghan"]},
        "words": [
            "Setara", "Roshan", "Omid", "Bahar", "Paiwand", "Watan", "Nawruz", "Ariana", "Sapida",
            "Hamdili",
        ],
    },
    "ckb": {
        "adv": ["soraniksi", "kurdiksi (sorani)"], "gen": "soranin", "part": "soranikurdia",
        "nom": "sorani", "sv": "sorani", "en": "Sorani Kurdish",
        "community": {"fi": ["kurdien", "kurdinkielisten"], "sv": ["kurdiska"], "en": ["Kurdish"]},
        "words": ["Roj", "Helin", "Newroz", "Çira", "Rûnak", "Azadî", "Kanî", "Pêşeng"],
    },
    "kmr": {
        "adv": ["kurmandžiksi", "kurdiksi (kurmandži)"], "gen": "kurmandžin",
        "part": "kurmandžikurdia", "nom": "kurmandži", "sv": "kurmanji", "en": "Kurmanji Kurdish",
        "community": {"fi": ["kurdien", "kurdinkielisten"], "sv": ["kurdiska"], "en": ["Kurdish"]},
        "words": ["Nûroj", "Jiyan", "Bihar", "Stêrk", "Ronahî", "Hêvî", "Dilan", "Berfîn"],
    },
    "ru": {
        "adv": ["venäjäksi"], "gen": "venäjän", "part": "venäjää", "nom": "venäjä", "sv": "ryska",
        "en": "Russian",
        "community": {"fi": ["venäjänkielisten"], "sv": ["rysktalande"], "en": ["Russian-speaking"]},
        "words": [
            "Rodnik", "Mayak", "Raduga", "Berjozka", "Istok", "Sodruzhestvo", "Kolokol", "Svet",
            "Rassvet",
        ],
    },
    "uk": {
        "adv": ["ukrainaksi"], "gen": "ukrainan", "part": "ukrainaa", "nom": "ukraina",
        "sv": "ukrainska", "en": "Ukrainian",
        "community": {"fi": ["ukrainalaisten"], "sv": ["ukrainska"], "en": ["Ukrainian"]},
        "words": [
            "Soniashnyk", "Kalyna", "Nadiya", "Mriya", "Dnipro", "Rushnyk", "Zhuravli", "Vesna",
            "Barvinok", "Svitanok",
        ],
    },
    "et": {
        "adv": ["viroksi"], "gen": "viron", "part": "viroa", "nom": "viro", "sv": "estniska",
        "en": "Estonian",
        "community": {"fi": ["virolaisten", "vironkielisten"], "sv": ["estniska"], "en": ["Estonian"]},
        "words": [
            "Kodutee", "Sõprus", "Pärl", "Koidula", "Rukkilill", "Päikesekiir", "Meremaa", "Kannel",
        ],
    },
    "ti": {
        "adv": ["tigrinjaksi"], "gen": "tigrinjan", "part": "tigrinjaa", "nom": "tigrinja",
        "sv": "tigrinja", "en": "Tigrinya",
        "community": {
            "fi": ["eritrealaisten", "tigrinjankielisten"], "sv": ["eritreanska"],
            "en": ["Eritrean"],
        },
        "words": ["Kokeb", "Selam", "Tesfa", "Hawelti", "Meskerem", "Hidmo", "Berhan", "Fiyori"],
    },
    "tr": {
        "adv": ["turkiksi"], "gen": "turkin", "part": "turkkia", "nom": "turkki", "sv": "turkiska",
        "en": "Turkish",
        "community": {"fi": ["turkkilaisten"], "sv": ["turkiska"], "en": ["Turkish"]},
        "words": ["Köprü", "Lale"],
    },
    "fr": {
        "adv": ["ranskaksi"], "gen": "ranskan", "part": "ranskaa", "nom": "ranska", "sv": "franska",
        "en": "French",
        "community": {
            "fi": ["ranskankielisten afrikkalaisten"], "sv": ["fransktalande"],
            "en": ["French-speaking African"],
        },
        "words": ["Baobab", "Soleil"],
    },
    "es": {
        "adv": ["espanjaksi"], "gen": "espanjan", "part": "espanjaa", "nom": "espanja",
        "sv": "spanska", "en": "Spanish",
        "community": {
            "fi": ["latinalaisamerikkalaisten"], "sv": ["latinamerikanska"],
            "en": ["Latin American"],
        },
        "words": ["Puente", "Colibrí"],
    },
    "vi": {
        "adv": ["vietnamiksi"], "gen": "vietnamin", "part": "vietnamia", "nom": "vietnam",
        "sv": "vietnamesiska", "en": "Vietnamese",
        "community": {"fi": ["vietnamilaisten"], "sv": ["vietnamesiska"], "en": ["Vietnamese"]},
        "words": ["Sen Vàng", "Hoa Mai"],
    },
    "th": {
        "adv": ["thaiksi"], "gen": "thain", "part": "thaita", "nom": "thai", "sv": "thailändska",
        "en": "Thai",
        "community": {"fi": ["thaimaalaisten"], "sv": ["thailändska"], "en": ["Thai"]},
        "words": ["Dok Mai", "Sabai"],
    },
    "sq": {
        "adv": ["albaniaksi"], "gen": "albanian", "part": "albaniaa", "nom": "albania",
        "sv": "albanska", "en": "Albanian",
        "community": {"fi": ["albanialaisten", "kosovolaisten"], "sv": ["albanska"], "en": ["Albanian"]},
        "words": ["Shqiponja", "Drita"],
    },
    "am": {
        "adv": ["amharaksi"], "gen": "amharan", "part": "amharaa", "nom": "amhara",
        "sv": "amhariska", "en": "Amharic",
        "community": {"fi": ["etiopialaisten"], "sv": ["etiopiska"], "en": ["Ethiopian"]},
        "words": ["Fikir", "Abay"],
    },
    "zh": {
        "adv": ["kiinaksi"], "gen": "kiinan", "part": "kiinaa", "nom": "kiina", "sv": "kinesiska",
        "en": "Chinese",
        "community": {"fi": ["kiinalaisten"], "sv": ["kinesiska"], "en": ["Chinese"]},
        "words": ["Lianhua", "Hexie"],
    },
}

# --------------------------------------------------------------------------
# Municipalities used by the set: Finnish locative and genitive, postal codes,
# region (maakunta) in Finnish and Swedish, English name, share of
# associations writing in Swedish. Nominative names and counties come from
# coact/data/areas.json.
MUNICIPALITIES: dict[str, dict] = {
    "091": {
        "loc": "Helsingissä", "gen": "Helsingin",
        "postal": ["00100", "00500", "00510", "00920", "00940", "00700"],
        "region": ("Uusimaa", "Nyland"), "en": "Helsinki", "sv_share": 0.06, "weight": 14,
    },
    "049": {
        "loc": "Espoossa", "gen": "Espoon", "postal": ["02100", "02230", "02770", "02320"],
        "region": ("Uusimaa", "Nyland"), "en": "Espoo", "sv_share": 0.05, "weight": 6,
    },
    "092": {
        "loc": "Vantaalla", "gen": "Vantaan", "postal": ["01300", "01350", "01600", "01370"],
        "region": ("Uusimaa", "Nyland"), "en": "Vantaa", "sv_share": 0.03, "weight": 6,
    },
    "245": {
        "loc": "Keravalla", "gen": "Keravan", "postal": ["04200", "04250"],
        "region": ("Uusimaa", "Nyland"), "en": "Kerava", "sv_share": 0.0, "weight": 2,
    },
    "186": {
        "loc": "Järvenpäässä", "gen": "Järvenpään", "postal": ["04400"],
        "region": ("Uusimaa", "Nyland"), "en": "Järvenpää", "sv_share": 0.0, "weight": 1,
    },
    "106": {
        "loc": "Hyvinkäällä", "gen": "Hyvinkään", "postal": ["05800"],
        "region": ("Uusimaa", "Nyland"), "en": "Hyvinkää", "sv_share": 0.0, "weight": 1,
    },
    "257": {
        "loc": "Kirkkonummella", "gen": "Kirkkonummen", "postal": ["02400"],
        "region": ("Uusimaa", "Nyland"), "en": "Kirkkonummi", "sv_share": 0.2, "weight": 1,
    },
    "444": {
        "loc": "Lohjalla", "gen": "Lohjan", "postal": ["08100"], "region": ("Uusimaa", "Nyland"),
        "en": "Lohja", "sv_share": 0.05, "weight": 1,
    },
    "710": {
        "loc": "Raaseporissa", "gen": "Raaseporin", "postal": ["10600", "10300"],
        "region": ("Uusimaa", "Nyland"), "en": "Raasepori", "sv_share": 0.6, "weight": 1,
    },
    "638": {
        "loc": "Porvoossa", "gen": "Porvoon", "postal": ["06100", "06150"],
        "region": ("Uusimaa", "Nyland"), "en": "Porvoo", "sv_share": 0.35, "weight": 2,
    },
    "434": {
        "loc": "Loviisassa", "gen": "Loviisan", "postal": ["07900"],
        "region": ("Uusimaa", "Nyland"), "en": "Loviisa", "sv_share": 0.35, "weight": 1,
    },
    "837": {
        "loc": "Tampereella", "gen": "Tampereen",
        "postal": ["33100", "33720", "33500", "33580", "33200"],
        "region": ("Pirkanmaa", "Birkaland"), "en": "Tampere", "sv_share": 0.0, "weight": 7,
    },
    "536": {
        "loc": "Nokialla", "gen": "Nokian", "postal": ["37100"],
        "region": ("Pirkanmaa", "Birkaland"), "en": "Nokia", "sv_share": 0.0, "weight": 1,
    },
    "980": {
        "loc": "Ylöjärvellä", "gen": "Ylöjärven", "postal": ["33470"],
        "region": ("Pirkanmaa", "Birkaland"), "en": "Ylöjärvi", "sv_share": 0.0, "weight": 1,
    },
    "211": {
        "loc": "Kangasalla", "gen": "Kangasalan", "postal": ["36200"],
        "region": ("Pirkanmaa", "Birkaland"), "en": "Kangasala", "sv_share": 0.0, "weight": 1,
    },
    "853": {
        "loc": "Turussa", "gen": "Turun", "postal": ["20100", "20320", "20610", "20360"],
        "region": ("Varsinais-Suomi", "Egentliga Finland"), "en": "Turku", "sv_share": 0.06,
        "weight": 5,
    },
    "202": {
        "loc": "Kaarinassa", "gen": "Kaarinan", "postal": ["20780"],
        "region": ("Varsinais-Suomi", "Egentliga Finland"), "en": "Kaarina", "sv_share": 0.0,
        "weight": 1,
    },
    "680": {
        "loc": "Raisiossa", "gen": "Raision", "postal": ["21200"],
        "region": ("Varsinais-Suomi", "Egentliga Finland"), "en": "Raisio", "sv_share": 0.0,
        "weight": 1,
    },
    "734": {
        "loc": "Salossa", "gen": "Salon", "postal": ["24100"],
        "region": ("Varsinais-Suomi", "Egentliga Finland"), "en": "Salo", "sv_share": 0.0,
        "weight": 1,
    },
    "564": {
        "loc": "Oulussa", "gen": "Oulun", "postal": ["90100", "90570", "90130"],
        "region": ("Pohjois-Pohjanmaa", "Norra Österbotten"), "en": "Oulu", "sv_share": 0.0,
        "weight": 4,
    },
    "179": {
        "loc": "Jyväskylässä", "gen": "Jyväskylän", "postal": ["40100", "40320"],
        "region": ("Keski-Suomi", "Mellersta Finland"), "en": "Jyväskylä", "sv_share": 0.0,
        "weight": 3,
    },
    "297": {
        "loc": "Kuopiossa", "gen": "Kuopion", "postal": ["70100", "70620"],
        "region": ("Pohjois-Savo", "Norra Savolax"), "en": "Kuopio", "sv_share": 0.0, "weight": 3,
    },
    "140": {
        "loc": "Iisalmessa", "gen": "Iisalmen", "postal": ["74100"],
        "region": ("Pohjois-Savo", "Norra Savolax"), "en": "Iisalmi", "sv_share": 0.0, "weight": 1,
    },
    "167": {
        "loc": "Joensuussa", "gen": "Joensuun", "postal": ["80100", "80200"],
        "region": ("Pohjois-Karjala", "Norra Karelen"), "en": "Joensuu", "sv_share": 0.0,
        "weight": 2,
    },
    "398": {
        "loc": "Lahdessa", "gen": "Lahden", "postal": ["15100", "15110"],
        "region": ("Päijät-Häme", "Päijänne-Tavastland"), "en": "Lahti", "sv_share": 0.0,
        "weight": 3,
    },
    "111": {
        "loc": "Heinolassa", "gen": "Heinolan", "postal": ["18100"],
        "region": ("Päijät-Häme", "Päijänne-Tavastland"), "en": "Heinola", "sv_share": 0.0,
        "weight": 1,
    },
    "609": {
        "loc": "Porissa", "gen": "Porin", "postal": ["28100", "28130"],
        "region": ("Satakunta", "Satakunta"), "en": "Pori", "sv_share": 0.0, "weight": 2,
    },
    "684": {
        "loc": "Raumalla", "gen": "Rauman", "postal": ["26100"],
        "region": ("Satakunta", "Satakunta"), "en": "Rauma", "sv_share": 0.0, "weight": 1,
    },
    "905": {
        "loc": "Vaasassa", "gen": "Vaasan", "postal": ["65100", "65320"],
        "region": ("Pohjanmaa", "Österbotten"), "en": "Vaasa", "sv_share": 0.3, "weight": 3,
    },
    "499": {
        "loc": "Mustasaaressa", "gen": "Mustasaaren", "postal": ["65610"],
        "region": ("Pohjanmaa", "Österbotten"), "en": "Mustasaari", "sv_share": 0.6, "weight": 1,
    },
    "598": {
        "loc": "Pietarsaaressa", "gen": "Pietarsaaren", "postal": ["68600", "68620"],
        "region": ("Pohjanmaa", "Österbotten"), "en": "Pietarsaari", "sv_share": 0.55, "weight": 1,
    },
    "545": {
        "loc": "Närpiössä", "gen": "Närpiön", "postal": ["64200"],
        "region": ("Pohjanmaa", "Österbotten"), "en": "Närpiö", "sv_share": 0.75, "weight": 1,
    },
    "287": {
        "loc": "Kristiinankaupungissa", "gen": "Kristiinankaupungin", "postal": ["64100"],
        "region": ("Pohjanmaa", "Österbotten"), "en": "Kristiinankaupunki", "sv_share": 0.5,
        "weight": 1,
    },
    "109": {
        "loc": "Hämeenlinnassa", "gen": "Hämeenlinnan", "postal": ["13100", "13200"],
        "region": ("Kanta-Häme", "Egentliga Tavastland"), "en": "Hämeenlinna", "sv_share": 0.0,
        "weight": 2,
    },
    "694": {
        "loc": "Riihimäellä", "gen": "Riihimäen", "postal": ["11100"],
        "region": ("Kanta-Häme", "Egentliga Tavastland"), "en": "Riihimäki", "sv_share": 0.0,
        "weight": 1,
    },
    "286": {
        "loc": "Kouvolassa", "gen": "Kouvolan", "postal": ["45100"],
        "region": ("Kymenlaakso", "Kymmenedalen"), "en": "Kouvola", "sv_share": 0.0, "weight": 2,
    },
    "285": {
        "loc": "Kotkassa", "gen": "Kotkan", "postal": ["48100", "48600"],
        "region": ("Kymenlaakso", "Kymmenedalen"), "en": "Kotka", "sv_share": 0.0, "weight": 2,
    },
    "405": {
        "loc": "Lappeenrannassa", "gen": "Lappeenrannan", "postal": ["53100", "53600"],
        "region": ("Etelä-Karjala", "Södra Karelen"), "en": "Lappeenranta", "sv_share": 0.0,
        "weight": 2,
    },
    "153": {
        "loc": "Imatralla", "gen": "Imatran", "postal": ["55100"],
        "region": ("Etelä-Karjala", "Södra Karelen"), "en": "Imatra", "sv_share": 0.0, "weight": 1,
    },
    "491": {
        "loc": "Mikkelissä", "gen": "Mikkelin", "postal": ["50100"],
        "region": ("Etelä-Savo", "Södra Savolax"), "en": "Mikkeli", "sv_share": 0.0, "weight": 1,
    },
    "740": {
        "loc": "Savonlinnassa", "gen": "Savonlinnan", "postal": ["57100"],
        "region": ("Etelä-Savo", "Södra Savolax"), "en": "Savonlinna", "sv_share": 0.0, "weight": 1,
    },
    "743": {
        "loc": "Seinäjoella", "gen": "Seinäjoen", "postal": ["60100", "60320"],
        "region": ("Etelä-Pohjanmaa", "Södra Österbotten"), "en": "Seinäjoki", "sv_share": 0.0,
        "weight": 2,
    },
    "272": {
        "loc": "Kokkolassa", "gen": "Kokkolan", "postal": ["67100"],
        "region": ("Keski-Pohjanmaa", "Mellersta Österbotten"), "en": "Kokkola", "sv_share": 0.15,
        "weight": 2,
    },
    "205": {
        "loc": "Kajaanissa", "gen": "Kajaanin", "postal": ["87100"],
        "region": ("Kainuu", "Kajanaland"), "en": "Kajaani", "sv_share": 0.0, "weight": 1,
    },
    "698": {
        "loc": "Rovaniemellä", "gen": "Rovaniemen", "postal": ["96100", "96200"],
        "region": ("Lappi", "Lappland"), "en": "Rovaniemi", "sv_share": 0.0, "weight": 2,
    },
    "851": {
        "loc": "Torniossa", "gen": "Tornion", "postal": ["95400"], "region": ("Lappi", "Lappland"),
        "en": "Tornio", "sv_share": 0.0, "weight": 1,
    },
    "240": {
        "loc": "Kemissä", "gen": "Kemin", "postal": ["94100"], "region": ("Lappi", "Lappland"),
        "en": "Kemi", "sv_share": 0.0, "weight": 1,
    },
}

STREETS = {
    "fi": [
        "Kirjastokatu", "Torikatu", "Koulukatu", "Asemakatu", "Puistokatu", "Rantatie",
        "Kauppakatu", "Myllykatu", "Sairaalakatu", "Kirkkokatu", "Pajakatu", "Lehtikuja",
        "Kotipolku", "Vanha Maantie", "Sillankorva", "Meijerinkatu", "Tehtaankatu", "Seurakuja",
        "Hakapolku", "Kanervatie",
    ],
    "sv": [
        "Skolgatan", "Storgatan", "Kyrkoesplanaden", "Strandvägen", "Handelsesplanaden",
        "Kvarngatan", "Biblioteksgatan", "Torggatan",
    ],
}

FIRST_NAMES = [
    "Aino", "Leena", "Hanna", "Mikko", "Juha", "Sari", "Petra", "Anu", "Kari", "Tiina", "Amina",
    "Fatima", "Ahmed", "Hodan", "Abdi", "Farah", "Maryam", "Reza", "Shirin", "Ali", "Zahra",
    "Nasrin", "Karwan", "Rojin", "Olena", "Iryna", "Oksana", "Dmitri", "Natalia", "Svetlana",
    "Kadri", "Mart", "Tesfay", "Selam", "Yonas", "Annika", "Johanna", "Henrik", "Emma", "Linnea",
    "Grace", "Daniel", "Maria", "Samir",
]

LAST_NAMES = [
    "Virtanen", "Korhonen", "Nieminen", "Mäkinen", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
    "Järvinen", "Lehtonen", "Hassan", "Mohamed", "Ali", "Omar", "Ahmadi", "Hosseini", "Karimi",
    "Rahimi", "Aziz", "Kovalenko", "Shevchenko", "Ivanova", "Petrov", "Tamm", "Saar", "Tesfamariam",
    "Haile", "Berhane", "Lindholm", "Forsström", "Nyström", "Westerlund", "Smith", "Nguyen",
    "Rossi",
]

CONTACT_TITLES = {
    "fi": [
        "Toiminnanjohtaja", "Yhteyshenkilö", "Puheenjohtaja", "Koordinaattori",
        "Vapaaehtoistoiminnan koordinaattori", "Projektityöntekijä", "Sihteeri",
    ],
    "sv": ["Verksamhetsledare", "Kontaktperson", "Ordförande", "Koordinator"],
    "en": ["Coordinator", "Chair", "Contact person", "Project worker"],
}

DAYS = {
    "MO": {"fi": "maanantaisin", "fi_ilta": "maanantai-iltaisin", "sv": "måndagar", "en": "Mondays"},
    "TU": {"fi": "tiistaisin", "fi_ilta": "tiistai-iltaisin", "sv": "tisdagar", "en": "Tuesdays"},
    "WE": {
        "fi": "keskiviikkoisin", "fi_ilta": "keskiviikkoiltaisin", "sv": "onsdagar",
        "en": "Wednesdays",
    },
    "TH": {"fi": "torstaisin", "fi_ilta": "torstai-iltaisin", "sv": "torsdagar", "en": "Thursdays"},
    "FR": {"fi": "perjantaisin", "fi_ilta": "perjantai-iltaisin", "sv": "fredagar", "en": "Fridays"},
    "SA": {"fi": "lauantaisin", "fi_ilta": "lauantai-iltaisin", "sv": "lördagar", "en": "Saturdays"},
    "SU": {"fi": "sunnuntaisin", "fi_ilta": "sunnuntai-iltaisin", "sv": "söndagar", "en": "Sundays"},
}

#: (byday, opens_at, closes_at): evenings and weekends dominate, as in real listings.
SLOTS = [
    ("MO", "17:00", "19:00"), ("TU", "17:00", "19:00"), ("TU", "18:00", "20:00"),
    ("WE", "17:30", "19:30"), ("WE", "16:00", "18:00"), ("TH", "17:00", "19:30"),
    ("TH", "18:00", "20:00"), ("FR", "16:00", "18:00"), ("SA", "11:00", "14:00"),
    ("SA", "12:00", "15:00"), ("SU", "13:00", "16:00"), ("SU", "14:00", "16:00"),
    ("MO", "10:00", "12:00"), ("WE", "12:00", "15:00"), ("FR", "10:00", "13:00"),
]

# --------------------------------------------------------------------------
# Audiences by target group (None = open to everyone).
AUDIENCE = {
    None: {
        "fi": [
            "", "", " maahan muuttaneille", " kaikille maahan muuttaneille",
            " maahanmuuttajataustaisille", " kaikille kiinnostuneille", " uusille kuntalaisille",
        ],
        "sv": ["", " för inflyttade", " för alla intresserade", " för nyanlända"],
        "en": ["", " for newcomers", " for everyone", " for immigrants of all ages"],
    },
    "women": {
        "fi": [
            " naisille", " maahan muuttaneille naisille", " äideille ja muille naisille",
            " eri kulttuureista tuleville naisille",
        ],
        "sv": [" för kvinnor", " för invandrarkvinnor"], "en": [" for women", " for migrant women"],
    },
    "men": {
        "fi": [" miehille", " maahan muuttaneille miehille", " isille ja muille miehille"],
        "sv": [" för män"], "en": [" for men"],
    },
    "youth": {
        "fi": [
            " nuorille", " 16–29-vuotiaille nuorille", " nuorille aikuisille",
            " maahan muuttaneille nuorille",
        ],
        "sv": [" för unga", " för unga vuxna"],
        "en": [" for young people", " for teenagers and young adults"],
    },
    "children": {
        "fi": [
            " lapsille", " alakouluikäisille lapsille", " 7–12-vuotiaille koululaisille",
            " peruskoululaisille",
        ],
        "sv": [" för barn", " för skolbarn"], "en": [" for children", " for school children"],
    },
    "families": {
        "fi": [
            " lapsiperheille", " vanhemmille ja lapsille", " perheille",
            " pienten lasten vanhemmille",
        ],
        "sv": [" för barnfamiljer", " för föräldrar och barn"],
        "en": [" for families", " for parents and children"],
    },
    "seniors": {
        "fi": [" ikääntyneille", " yli 65-vuotiaille", " senioreille", " ikäihmisille"],
        "sv": [" för äldre", " för seniorer"], "en": [" for older people", " for seniors"],
    },
    "lgbtq": {
        "fi": [" sateenkaari-ihmisille", " hlbtiq-taustaisille maahan muuttaneille"],
        "sv": [" för hbtqi-personer"], "en": [" for LGBTQ+ people"],
    },
    "asylum_seekers": {
        "fi": [" turvapaikanhakijoille", " vastaanottokeskuksen asukkaille"],
        "sv": [" för asylsökande"], "en": [" for asylum seekers"],
    },
}

#: Sentences stating a restriction, so that groups are in the text even when undeclared.
RESTRICTION = {
    "women": {
        "fi": [
            "Ryhmä on tarkoitettu vain naisille.", "Toimintaan ovat tervetulleita kaikki naiset.",
            "Naisten oma ryhmä – ohjaajatkin ovat naisia.",
        ],
        "sv": ["Gruppen är endast för kvinnor."], "en": ["Women only."],
    },
    "men": {
        "fi": ["Ryhmä on tarkoitettu miehille.", "Vain miehille."], "sv": ["Gruppen är för män."],
        "en": ["For men only."],
    },
    "youth": {
        "fi": [
            "Toiminta on tarkoitettu {ages}-vuotiaille nuorille.", "Ikäraja {ages} vuotta.",
            "Toiminta on tarkoitettu nuorille.", "Vain nuorille.",
        ],
        "sv": ["För unga i åldern {ages} år.", "För unga."],
        "en": ["For young people aged {ages}.", "For young people only."],
    },
    "children": {
        "fi": [
            "Kerho on tarkoitettu {ages}-vuotiaille lapsille.", "Sopii {ages}-vuotiaille.",
            "Kerho on tarkoitettu lapsille.",
        ],
        "sv": ["För barn i åldern {ages} år.", "För barn."],
        "en": ["For children aged {ages}.", "For children."],
    },
    "families": {
        "fi": ["Toiminta on tarkoitettu lapsiperheille; lapset tulevat vanhempansa kanssa."],
        "sv": ["För barnfamiljer; barnen kommer med en förälder."],
        "en": ["For families: children come with a parent."],
    },
    "seniors": {
        "fi": ["Toiminta on tarkoitettu yli 65-vuotiaille."], "sv": ["För personer över 65 år."],
        "en": ["For people aged 65 and over."],
    },
    "lgbtq": {
        "fi": ["Turvallisempi tila sateenkaari-ihmisille."],
        "sv": ["Ett tryggare rum för hbtqi-personer."], "en": ["A safer space for LGBTQ+ people."],
    },
    "asylum_seekers": {
        "fi": ["Toiminta on tarkoitettu vastaanottokeskusten asukkaille."],
        "sv": ["För boende på flyktingförläggningar."],
        "en": ["For residents of reception centres."],
    },
}

# --------------------------------------------------------------------------
# Theme banks: names, lead sentences and detail sentences per language.
THEMES: dict[str, dict[str, dict[str, list[str]]]] = {
    "finnish_language": {
        "name": {
            "fi": [
                "Kielikahvila", "Suomen kielen keskusteluryhmä", "Puhekerho",
                "Suomea arkeen -kurssi", "Selkosuomen lukupiiri", "Kieliklubi",
                "Suomen kielen alkeiskurssi", "Kielikaveritoiminta", "Arjen suomi -ryhmä",
                "Suomi tutuksi", "Keskustelukerho suomeksi", "Kielikahvila Sanasilta",
                "Suomen kielen opintopiiri",
            ],
            "sv": ["Språkcafé på finska", "Finska för nybörjare", "Samtalsgrupp på finska"],
            "en": [
                "Finnish language café", "Finnish conversation club", "Finnish for beginners",
                "Everyday Finnish course",
            ],
        },
        "lead": {
            "fi": [
                "Kielikahvilassa harjoitellaan suomen kieltä rennossa ilmapiirissä{aud}.",
                "Tervetuloa kielikahvilaan harjoittelemaan suomea! Puhumme arkisista asioista kahvikupin äärellä.",
                "Järjestämme suomen kielen opetusta{aud} alkeista aina keskustelutaitoihin asti.",
                "Suomen kielen keskusteluryhmä on tarkoitettu kaikille, jotka haluavat rohkaistua puhumaan suomea.",
                "Puhekerhossa opitaan arjessa tarvittavaa suomea pienryhmissä{aud}.",
                "Maksuton suomen kielen kurssi{aud}, joka sopii myös luku- ja kirjoitustaitoa vasta harjoitteleville.",
                "Ryhmässä vahvistetaan suomen kielen taitoa keskustelemalla, pelaamalla ja lukemalla selkokielisiä tekstejä.",
                "Haluatko oppia puhumaan suomea? Kielikaverit harjoittelevat kanssasi kahden kesken tai pienessä ryhmässä.",
                "Suomen kielen opintopiirissä kerrataan kielioppia ja harjoitellaan puhumista{aud}.",
                "Kielikerhossa suomea opitaan tekemällä: leivotaan, retkeillään ja jutellaan{where}.",
            ],
            "sv": [
                "I språkcaféet övar vi finska i en avslappnad miljö{aud}.",
                "Vi ordnar kurser i finska{aud}, från nybörjarnivå till samtalsnivå.",
                "Vill du lära dig tala finska? Kom med i vår samtalsgrupp{where}.",
            ],
            "en": [
                "Practise Finnish in a relaxed language café{aud}.",
                "Free Finnish lessons{aud}, from the very basics to everyday conversation.",
                "Our Finnish conversation club helps you gain the confidence to speak Finnish in daily life.",
                "Learn the Finnish you need for shopping, the doctor and Kela in a small group{where}.",
            ],
        },
        "detail": {
            "fi": [
                "Ohjaajina toimivat koulutetut vapaaehtoiset, eikä aiempaa kielitaitoa tarvita.",
                "Kielenoppijat saavat harjoitella ääntämistä ja sanastoa omassa tahdissaan.",
                "Aiheina ovat esimerkiksi asiointi kaupassa, lääkärissä ja Kelassa.",
                "Ryhmässä on eri tasoisia suomen kielen puhujia, joten mukaan pääsee milloin vain.",
                "Kurssin jälkeen voit jatkaa keskusteluryhmässä ja syventää kielitaitoasi.",
                "Kielitaidon tasoa ei testata; tärkeintä on rohkeus puhua.",
                "Käytämme selkokieltä ja kuvia, jotta kaikki pääsevät mukaan.",
            ],
            "sv": [
                "Ingen förkunskap behövs – frivilliga handleder.",
                "Vi övar uttal och ordförråd för vardagen.",
            ],
            "en": [
                "No previous knowledge of Finnish is needed.",
                "Volunteers lead the conversation, and every level is welcome.",
            ],
        },
    },
    "swedish_language": {
        "name": {
            "fi": ["Ruotsin kielen keskusteluryhmä", "Ruotsin kielen kurssi", "Ruotsia arkeen"],
            "sv": [
                "Språkcafé", "Svenska för nyanlända", "Svenskkurs för föräldrar",
                "Samtalsgrupp på svenska", "Språkvän", "Svenska i vardagen",
                "Läs- och skrivgrupp på svenska",
            ],
            "en": ["Swedish conversation group", "Swedish for newcomers"],
        },
        "lead": {
            "fi": [
                "Ruotsin kielen keskusteluryhmässä harjoitellaan ruotsia{aud}.",
                "Opetamme ruotsia kaksikielisellä paikkakunnalla asuville maahan muuttaneille.",
                "Ruotsin kielen kurssilla opitaan arjessa tarvittavaa ruotsia{where}.",
            ],
            "sv": [
                "Vi övar svenska tillsammans{aud} – ingen förkunskap behövs.",
                "Svenskundervisning{aud} i små grupper.",
                "I språkcaféet pratar vi svenska över en kopp kaffe{where}.",
                "Kursen i svenska ger nyanlända föräldrar ord och fraser för dagis, skola och vardag.",
                "Som språkvän träffar du en frivillig och övar svenska i lugn takt.",
                "Samtalsgruppen på svenska hjälper dig att våga tala svenska i vardagen.",
            ],
            "en": [
                "Practise Swedish{aud} in a friendly conversation group.",
                "Swedish lessons for newcomers living in a bilingual town.",
            ],
        },
        "detail": {
            "fi": ["Sopii sekä aloittelijoille että jo hieman ruotsia osaaville."],
            "sv": [
                "Vi läser lättlästa texter och övar uttal.",
                "Alla nivåer är välkomna, och frivilliga handleder.",
                "Barnpassning ordnas under lektionerna.",
            ],
            "en": ["All levels are welcome."],
        },
    },
    "mother_tongue": {
        "name": {
            "fi": [
                "Oman äidinkielen kerho", "Lauantaikoulu", "Äidinkielen ja kulttuurin kerho",
                "Kotikielen kerho lapsille",
            ],
            "sv": ["Modersmålsklubb", "Lördagsskola"],
            "en": ["Mother tongue school", "Saturday school"],
        },
        "lead": {
            "fi": [
                "Opetamme lapsille {ml} kieltä ja kulttuuria.",
                "Lauantaikoulussa lapset oppivat lukemaan ja kirjoittamaan {ml} kieltä.",
                "Oman äidinkielen kerhossa vahvistetaan {ml} kielen taitoa leikkien, laulujen ja tarinoiden avulla.",
                "Kerho tukee kaksikielisten lasten {ml} kielen oppimista ja kulttuuri-identiteettiä.",
            ],
            "sv": [
                "Vi undervisar barn i {ml} och i kulturen.",
                "I lördagsskolan lär sig barnen läsa och skriva {ml}.",
            ],
            "en": [
                "Children learn to read and write {ml} at our Saturday school.",
                "We teach children {ml} language and culture.",
            ],
        },
        "detail": {
            "fi": [
                "Oman äidinkielen hallinta tukee myös suomen kielen oppimista.",
                "Opettajina toimivat yhteisön vapaaehtoiset.",
            ],
            "sv": ["Lärarna är frivilliga från gemenskapen."],
            "en": ["Teachers are volunteers from the community."],
        },
    },
    "everyday_guidance": {
        "name": {
            "fi": [
                "Neuvontapiste", "Arjen asioiden neuvonta", "Asiointiapu", "Neuvontaa ja ohjausta",
                "Matalan kynnyksen neuvontapiste", "Neuvontailta", "Paperipaja", "Lomakeapu",
            ],
            "sv": ["Rådgivning i vardagsärenden", "Blankettjälp", "Rådgivningspunkt"],
            "en": ["Help desk", "Advice point", "Forms and letters clinic"],
        },
        "lead": {
            "fi": [
                "Neuvontapisteestä saat apua arjen asioihin: Kelan lomakkeet, verottajan kirjeet, pankkiasiat ja sähköinen asiointi.",
                "Autamme kirjeiden ja lomakkeiden kanssa sekä ohjaamme oikean palvelun luo.",
                "Matalan kynnyksen neuvontaa{aud} asumiseen, työhön, terveyteen ja perheeseen liittyvissä kysymyksissä.",
                "Tarvitsetko apua Kela-hakemuksen tai viranomaiskirjeen kanssa? Tule käymään, ajanvarausta ei tarvita.",
                "Paperipajassa täytetään yhdessä hakemuksia ja selvitetään, mitä viranomaisten kirjeissä lukee.",
                "Neuvomme arjen asioinnissa{aud}: Kela, verotoimisto, pankki ja kaupungin palvelut.",
                "Ohjaamme ja neuvomme{aud} kaikissa arkeen liittyvissä kysymyksissä.",
            ],
            "sv": [
                "Vi hjälper med blanketter, brev från myndigheter och e-tjänster{aud}.",
                "Rådgivning i vardagsärenden: FPA, skatter, bank och stadens tjänster.",
            ],
            "en": [
                "We help with forms, letters from the authorities, banking and online services{aud}.",
                "Drop in for advice on everyday matters: Kela, taxes, banking and city services.",
                "Not sure what a letter from Kela or the tax office means? We explain it and help you reply.",
            ],
        },
        "detail": {
            "fi": [
                "Neuvojat ohjaavat tarvittaessa eteenpäin oikeaan palveluun.",
                "Ota mukaan kirjeet ja henkilöllisyystodistus.",
                "Neuvonta on luottamuksellista ja maksutonta.",
            ],
            "sv": ["Rådgivningen är avgiftsfri och konfidentiell."],
            "en": ["Advice is free and confidential.", "Bring your letters and ID with you."],
        },
    },
    "escort_interpreting": {
        "name": {
            "fi": [
                "Asiointiapu ja saattajatoiminta", "Vapaaehtoiset saattajat", "Asiointikaveri",
                "Saattajatoiminta", "Vapaaehtoistulkit",
            ],
            "sv": ["Ledsagning till myndigheter", "Frivilliga tolkar"],
            "en": ["Volunteer escorts", "Appointment buddies", "Volunteer interpreters"],
        },
        "lead": {
            "fi": [
                "Vapaaehtoinen voi lähteä mukaan terveysasemalle, Kelaan tai työllisyyspalveluihin.",
                "Saattajatoiminnassa vapaaehtoinen kulkee asiakkaan rinnalla virastokäynneillä ja auttaa ymmärtämään.",
                "Asiointikaveri lähtee tueksi lääkärikäynnille, kouluun tai virastoon.",
                "Vapaaehtoistulkit auttavat asioinnissa, kun ammattitulkkia ei ole saatavilla.",
                "Järjestämme saattajan ja tulkkiapua viranomaisasiointiin.",
            ],
            "sv": [
                "En frivillig kan följa med till FPA, hälsocentralen eller arbetskraftsbyrån.",
                "Frivilliga ledsagare hjälper vid besök hos myndigheter.",
            ],
            "en": [
                "A volunteer can go with you to Kela, the health centre or the employment services.",
                "Volunteer escorts accompany clients to appointments and help them understand.",
            ],
        },
        "detail": {
            "fi": [
                "Pyydä saattajaa viimeistään kaksi päivää ennen käyntiä.",
                "Vapaaehtoisemme ovat vaitiolovelvollisia.",
            ],
            "sv": ["Be om ledsagare senast två dagar före besöket."],
            "en": ["Please ask for an escort at least two days before the appointment."],
        },
    },
    "residence_permit_help": {
        "name": {
            "fi": [
                "Oleskelulupaneuvonta", "Lupa-asioiden neuvonta", "Perheenyhdistämisen neuvonta",
                "Kansalaisuusneuvonta", "Maahanmuuttoasioiden neuvonta", "Lupaklinikka",
            ],
            "sv": ["Rådgivning om uppehållstillstånd", "Medborgarskapsrådgivning"],
            "en": ["Residence permit advice", "Immigration advice", "Permit clinic"],
        },
        "lead": {
            "fi": [
                "Neuvomme oleskelulupa- ja kansalaisuusasioissa{aud} sekä autamme hakemusten täyttämisessä.",
                "Saat apua oleskeluluvan jatkohakemuksen tekemiseen ja Migrin sähköiseen asiointiin (Enter Finland).",
                "Autamme perheenyhdistämistä koskevissa kysymyksissä ja lupahakemuksen liitteiden kokoamisessa.",
                "Neuvontaa oleskelulupien, pysyvän oleskeluluvan ja Suomen kansalaisuuden hakemiseen.",
                "Ohjaamme lupa-asioissa: mitä liitteitä hakemukseen tarvitaan ja miten Maahanmuuttoviraston kirjeisiin vastataan.",
                "Maahanmuuttoasioiden neuvoja auttaa oleskelulupahakemusten, jatkolupien ja kansalaisuushakemusten kanssa.",
            ],
            "sv": [
                "Vi hjälper med ansökan om uppehållstillstånd och familjeåterförening.",
                "Rådgivning om fortsatt tillstånd, permanent uppehållstillstånd och finskt medborgarskap.",
            ],
            "en": [
                "We help you fill in residence permit applications, extended permits and citizenship applications.",
                "Advice on family reunification, permanent residence and Finnish citizenship.",
                "Immigration advice: which attachments your permit application needs and how to answer Migri's letters.",
            ],
        },
        "detail": {
            "fi": [
                "Neuvonta on maksutonta ja luottamuksellista.",
                "Varaa aika etukäteen, niin ehdimme perehtyä tilanteeseesi.",
                "Emme tee päätöksiä emmekä edusta Maahanmuuttovirastoa.",
            ],
            "sv": ["Rådgivningen är avgiftsfri och konfidentiell."],
            "en": ["Advice is free and confidential.", "Please book an appointment in advance."],
        },
    },
    "legal_advice": {
        "name": {
            "fi": [
                "Oikeudellinen neuvonta", "Maksuton lakineuvonta", "Juristin vastaanotto",
                "Oikeusapupäivystys",
            ],
            "sv": ["Juridisk rådgivning", "Juristjour"],
            "en": ["Free legal advice clinic", "Legal aid desk"],
        },
        "lead": {
            "fi": [
                "Vapaaehtoiset juristit antavat maksutonta oikeudellista neuvontaa esimerkiksi työsuhde-, vuokra- ja perheoikeusasioissa.",
                "Lakineuvontaa{aud}: kysy juristilta nimettömästi.",
                "Oikeusapupäivystyksessä voit kysyä neuvoa riita-asioissa, sopimuksissa ja työsuhteen ongelmissa.",
                "Juristin vastaanotolla saat neuvoja oikeuksistasi työelämässä, asumisessa ja perheasioissa.",
            ],
            "sv": [
                "Frivilliga jurister ger avgiftsfri juridisk rådgivning i arbets-, hyres- och familjefrågor.",
            ],
            "en": [
                "Volunteer lawyers give free legal advice on employment, tenancy and family law.",
                "Ask a lawyer about your rights at work, in housing or in family matters.",
            ],
        },
        "detail": {
            "fi": ["Juristit ovat vaitiolovelvollisia.", "Neuvontaa puhelimitse ja paikan päällä."],
            "sv": ["Juristerna har tystnadsplikt."],
            "en": ["Lawyers are bound by confidentiality."],
        },
    },
    "housing_advice": {
        "name": {
            "fi": ["Asumisneuvonta", "Asuntoapu", "Asumisen tuki", "Vuokra-asuntoneuvonta"],
            "sv": ["Boenderådgivning", "Bostadshjälp"],
            "en": ["Housing advice", "Housing help desk"],
        },
        "lead": {
            "fi": [
                "Asumisneuvoja auttaa vuokra-asunnon hakemisessa, vuokrasopimuksessa ja asumisen ongelmatilanteissa.",
                "Neuvomme vuokra-asunnon etsimisessä ja asumistuen hakemisessa{aud}.",
                "Onko vuokra jäänyt maksamatta tai uhkaako häätö? Asumisneuvonnasta saat apua.",
                "Autamme asuntohakemusten täyttämisessä ja kerromme, miten vuokra-asunnossa asutaan.",
            ],
            "sv": [
                "Boenderådgivning: hjälp att hitta en hyresbostad, med hyresavtal och bostadsbidrag.",
                "Hotar vräkning? Vi hjälper dig att hitta en lösning.",
            ],
            "en": [
                "Housing advice: finding a rental flat, tenancy agreements and housing allowance.",
                "Behind with the rent or facing eviction? Our housing adviser helps you find a way forward.",
            ],
        },
        "detail": {
            "fi": ["Neuvonta on maksutonta.", "Asumisneuvoja tekee tarvittaessa kotikäyntejä."],
            "sv": ["Rådgivningen är avgiftsfri."], "en": ["The service is free of charge."],
        },
    },
    "financial_advice": {
        "name": {
            "fi": [
                "Talous- ja velkaneuvonta", "Raha-asioiden neuvonta", "Talousneuvonta",
                "Talouspaja",
            ],
            "sv": ["Ekonomi- och skuldrådgivning", "Ekonomirådgivning"],
            "en": ["Money and debt advice", "Budgeting help"],
        },
        "lead": {
            "fi": [
                "Autamme laskujen, velkojen ja perintäkirjeiden kanssa sekä budjetin laatimisessa.",
                "Velkaantunut? Talousneuvoja käy kanssasi läpi tilanteen ja auttaa maksusuunnitelman tekemisessä.",
                "Talouspajassa opitaan hoitamaan omaa taloutta Suomessa: pankkitili, laskut, verokortti ja budjetti.",
                "Neuvomme raha-asioissa{aud} ja autamme, kun laskut ovat kasautuneet tai maksuhäiriömerkintä uhkaa.",
            ],
            "sv": [
                "Vi hjälper med räkningar, skulder och inkassobrev samt med att göra en budget.",
                "Ekonomirådgivning för dig som har svårt att få pengarna att räcka.",
            ],
            "en": [
                "We help with bills, debts and collection letters, and with making a budget.",
                "In debt? A money adviser goes through your situation and helps you make a repayment plan.",
            ],
        },
        "detail": {
            "fi": ["Ota mukaan laskut ja tiliotteet.", "Neuvonta on maksutonta ja luottamuksellista."],
            "sv": ["Ta med räkningar och kontoutdrag."],
            "en": ["Bring your bills and bank statements."],
        },
    },
    "employment_jobseeking": {
        "name": {
            "fi": [
                "Työnhakuvalmennus", "CV-paja", "Työnhakuklubi", "Töihin Suomessa -ryhmä",
                "Työllistymisen tuki", "Työelämävalmennus", "Työnhakukahvila",
            ],
            "sv": ["Jobbsökarklubb", "CV-verkstad", "Vägen till jobb"],
            "en": ["Job search coaching", "CV workshop", "Job club", "Work in Finland group"],
        },
        "lead": {
            "fi": [
                "Työnhakuvalmennuksessa laaditaan CV ja harjoitellaan työhaastattelua.",
                "CV-pajassa saat apua työhakemuksen ja ansioluettelon tekemiseen.",
                "Tuemme maahan muuttaneiden työllistymistä: työpaikkojen etsiminen verkosta, hakemukset ja yhteydet työnantajiin.",
                "Työnhakuklubissa etsitään yhdessä avoimia työpaikkoja ja valmistaudutaan työhaastatteluihin.",
                "Työelämävalmennus{aud}: suomalainen työkulttuuri, työsopimukset ja oikeudet työssä.",
                "Autamme työnhaussa{aud} ja kerromme, miten työllisyyspalvelut toimivat.",
                "Työnhakukahvilassa työtä etsivät vaihtavat vinkkejä ja saavat apua työhakemuksiin.",
            ],
            "sv": [
                "Vi hjälper med CV och jobbansökan{aud}.",
                "I jobbsökarklubben letar vi lediga jobb tillsammans och övar inför intervjuer.",
            ],
            "en": [
                "We help you write a CV, find vacancies and prepare for job interviews.",
                "Job search coaching{aud}: Finnish working culture, contracts and your rights at work.",
                "Our job club meets weekly to look for openings and practise interviews.",
            ],
        },
        "detail": {
            "fi": [
                "Ota mukaan oma kannettava, jos sinulla on.",
                "Valmentajat tuntevat paikalliset työnantajat.",
                "Harjoittelemme myös työhaastattelua suomeksi.",
            ],
            "sv": ["Ta gärna med egen dator."], "en": ["Bring your own laptop if you have one."],
        },
    },
    "entrepreneurship": {
        "name": {
            "fi": ["Yrittäjyysneuvonta", "Oma yritys -ryhmä", "Yrityskoulu"],
            "sv": ["Företagsrådgivning"],
            "en": ["Start your own business", "Entrepreneurship clinic"],
        },
        "lead": {
            "fi": [
                "Neuvontaa yrityksen perustamiseen: liiketoimintasuunnitelma, Y-tunnus ja verotus.",
                "Oma yritys -ryhmässä maahan muuttaneet yrittäjät ja yrittäjiksi aikovat sparraavat toisiaan.",
                "Yrityskoulussa opit, miten toiminimi perustetaan ja miten yrittäjän verotus ja vakuutukset toimivat.",
            ],
            "sv": [
                "Rådgivning för dig som vill starta företag: affärsplan, FO-nummer och beskattning.",
            ],
            "en": [
                "Thinking of starting a business? We help with the business plan, registration and taxes.",
                "Advice for migrant entrepreneurs on setting up a company in Finland.",
            ],
        },
        "detail": {
            "fi": ["Yritysneuvoja tapaa myös yksilöllisesti."],
            "sv": ["Individuella träffar kan bokas."], "en": ["One-to-one sessions can be booked."],
        },
    },
    "education_guidance": {
        "name": {
            "fi": ["Opiskeluneuvonta", "Koulutusohjaus", "Opintopolku-neuvonta", "Tutkintoneuvonta"],
            "sv": ["Studievägledning"], "en": ["Study guidance", "Education advice"],
        },
        "lead": {
            "fi": [
                "Ohjaamme opiskelupaikan hakemisessa, ulkomailla suoritetun tutkinnon tunnustamisessa ja yhteishaussa.",
                "Neuvontaa ammatilliseen koulutukseen ja korkeakouluihin hakeutumisesta{aud}.",
                "Koulutusohjaaja auttaa löytämään sopivan koulutuksen ja täyttämään hakemuksen Opintopolussa.",
                "Selvitämme yhdessä, miten ulkomainen tutkinto rinnastetaan ja mitä täydennyskoulutusta tarvitaan.",
            ],
            "sv": [
                "Studievägledning: hur du söker till yrkesutbildning eller högskola och hur din examen erkänns.",
            ],
            "en": [
                "Study guidance: applying to vocational school or university and getting a foreign degree recognised.",
                "An education adviser helps you find the right course and apply through Studyinfo.",
            ],
        },
        "detail": {
            "fi": ["Ota mukaan todistukset, jos sinulla on niitä."], "sv": ["Ta med dina betyg."],
            "en": ["Bring your certificates if you have them."],
        },
    },
    "homework_help": {
        "name": {
            "fi": [
                "Läksykerho", "Läksyapu", "Läksyparkki", "Koululaisten läksyhelppi", "Läksypaja",
                "Läksyklubi",
            ],
            "sv": ["Läxhjälp", "Läxklubb", "Läxcafé"], "en": ["Homework club", "Homework help"],
        },
        "lead": {
            "fi": [
                "Läksykerhossa vapaaehtoiset auttavat koululaisia läksyjen tekemisessä.",
                "Tarjoamme maksutonta läksyapua{aud}.",
                "Läksyparkissa saat tukea kotitehtäviin, erityisesti matematiikkaan ja suomen kielen tehtäviin.",
                "Koululaisten läksyapu: tule tekemään kotitehtävät yhdessä muiden kanssa, välipala tarjolla.",
                "Läksypajassa koululaiset saavat apua läksyihin ja kokeisiin lukemiseen{where}.",
            ],
            "sv": [
                "Vi erbjuder gratis läxhjälp{aud}.",
                "I läxklubben hjälper frivilliga skolbarn med läxorna, och det finns mellanmål.",
            ],
            "en": [
                "Free homework help{aud}, with volunteers who explain maths, reading and Finnish tasks.",
                "Our homework club helps school children with their homework after school.",
            ],
        },
        "detail": {
            "fi": ["Vanhemmat ovat tervetulleita mukaan.", "Apua saa kaikissa kouluaineissa."],
            "sv": ["Föräldrar är välkomna."], "en": ["Parents are welcome too."],
        },
    },
    "digital_skills": {
        "name": {
            "fi": ["Digiapu", "Digineuvonta", "Tietokonekurssi", "Älypuhelinkurssi", "Digitupa"],
            "sv": ["Digistöd", "Datorkurs"], "en": ["Digital help desk", "Smartphone course"],
        },
        "lead": {
            "fi": [
                "Digitukea: opastamme älypuhelimen, sähköpostin ja verkkopankkitunnusten käytössä.",
                "Opi käyttämään OmaKantaa sekä Kelan ja verottajan verkkopalveluita.",
                "Tietokonekurssi aloittelijoille{aud}: hiiri, sähköposti ja tiedostot tutuiksi.",
                "Digineuvonnassa saat apua sähköiseen asiointiin ja sovellusten käyttöön.",
            ],
            "sv": ["Digistöd: vi hjälper med smarttelefon, e-post och nätbankskoder."],
            "en": [
                "Digital help: smartphones, email, online banking and e-services.",
                "Learn to use Kela's and the tax office's online services step by step.",
            ],
        },
        "detail": {
            "fi": ["Ota mukaan oma puhelin tai tabletti."], "sv": ["Ta med din egen telefon."],
            "en": ["Bring your own phone or tablet."],
        },
    },
    "health_guidance": {
        "name": {
            "fi": ["Terveysneuvonta", "Terveyspiste", "Terveysinfo"],
            "sv": ["Hälsorådgivning", "Hälsopunkt"],
            "en": ["Health advice", "Health information evening"],
        },
        "lead": {
            "fi": [
                "Terveydenhoitaja neuvoo terveyteen ja terveyspalvelujen käyttöön liittyvissä kysymyksissä.",
                "Kerromme, miten terveysasemalle varataan aika ja miten hoitoon pääsee.",
                "Terveyspisteessä mitataan verenpainetta ja keskustellaan terveellisistä elintavoista.",
                "Terveysinfossa käsitellään esimerkiksi rokotuksia, diabetesta ja naisten terveyttä.",
            ],
            "sv": ["En hälsovårdare svarar på frågor om hälsa och om hur vården fungerar."],
            "en": [
                "A public health nurse answers questions about health and how to use health services.",
                "Find out how to book a doctor's appointment and where to go when you are ill.",
            ],
        },
        "detail": {
            "fi": ["Terveysneuvonta on luottamuksellista."],
            "sv": ["Rådgivningen är konfidentiell."], "en": ["The advice is confidential."],
        },
    },
    "mental_health": {
        "name": {
            "fi": [
                "Mielen hyvinvoinnin ryhmä", "Hyvinvointiryhmä", "Keskusteluapu",
                "Mielenterveyden tukipiste", "Jaksamisen ryhmä", "Mieli hyväksi -ryhmä",
            ],
            "sv": ["Samtalsstöd", "Må bra-grupp", "Psykiskt välmående"],
            "en": ["Mental wellbeing group", "Talk support", "Wellbeing circle"],
        },
        "lead": {
            "fi": [
                "Keskusteluapua ja tukea mielenterveyteen{aud} omalla kielellä.",
                "Mielen hyvinvointia tukeva ryhmä, jossa käsitellään stressiä, unettomuutta ja koti-ikävää.",
                "Tarjoamme matalan kynnyksen keskusteluapua ja ohjaamme tarvittaessa mielenterveyspalveluihin.",
                "Traumaattisia kokemuksia kohdanneille tarkoitettu ryhmä, joka vahvistaa mielenterveyttä ja arjen jaksamista.",
                "Psyykkistä hyvinvointia tukevaa toimintaa: rentoutumisharjoituksia ja keskustelua luottamuksellisesti.",
                "Jaksamisen ryhmässä opitaan keinoja huolten, masennuksen ja ahdistuksen kanssa elämiseen.",
            ],
            "sv": [
                "Samtalsstöd för psykiskt välmående{aud} på ditt eget språk.",
                "En grupp som stöder psykisk hälsa: stress, sömnproblem och hemlängtan.",
            ],
            "en": [
                "Low-threshold talk support for your mental wellbeing{aud}.",
                "A group that supports mental health: stress, sleep problems and homesickness.",
                "Counselling-style support for people who have been through traumatic experiences.",
            ],
        },
        "detail": {
            "fi": ["Ohjaajana on psykiatrinen sairaanhoitaja.", "Keskustelut ovat luottamuksellisia."],
            "sv": ["Samtalen är konfidentiella."], "en": ["All conversations are confidential."],
        },
    },
    "crisis_support": {
        "name": {
            "fi": ["Kriisipuhelin", "Kriisikeskus", "Kriisiapu", "Kriisityön vastaanotto"],
            "sv": ["Kristelefon", "Krisstöd"], "en": ["Crisis line", "Crisis support"],
        },
        "lead": {
            "fi": [
                "Kriisityöntekijät tukevat äkillisessä elämänkriisissä, esimerkiksi läheisen kuoleman tai sotakokemusten jälkeen.",
                "Kriisipuhelimeen voi soittaa nimettömänä, kun oma tilanne tuntuu ylivoimaiselta.",
                "Kriisikeskuksesta saat nopeasti keskusteluapua akuuttiin kriisiin ilman lähetettä.",
            ],
            "sv": ["Krisstöd vid plötsliga livskriser, till exempel efter en närståendes död."],
            "en": [
                "Crisis workers support you after a sudden crisis, such as the loss of a loved one or war experiences.",
                "Call our crisis line anonymously when things feel overwhelming.",
            ],
        },
        "detail": {
            "fi": ["Apua saa ilman ajanvarausta."], "sv": ["Ingen tidsbokning behövs."],
            "en": ["No appointment needed."],
        },
    },
    "domestic_violence": {
        "name": {
            "fi": [
                "Lähisuhdeväkivaltatyö", "Väkivallan kokeneiden tuki",
                "Turvallisesti kotona -ryhmä",
            ],
            "sv": ["Stöd vid våld i nära relationer"], "en": ["Domestic violence support"],
        },
        "lead": {
            "fi": [
                "Tuemme lähisuhdeväkivaltaa kokeneita{aud}: keskusteluapua, turvasuunnitelma ja ohjaus turvakotiin.",
                "Oletko kokenut väkivaltaa parisuhteessa tai perheessä? Ota yhteyttä nimettömästi.",
                "Autamme, kun kotona on pelottavaa: tuki väkivaltaa kokeneille ja kunniaan liittyvän väkivallan uhreille.",
            ],
            "sv": ["Vi stöder dig som har upplevt våld i en nära relation."],
            "en": [
                "Support for survivors of domestic violence: talking, safety planning and help to reach a shelter.",
                "Have you experienced violence at home? Contact us anonymously.",
            ],
        },
        "detail": {
            "fi": ["Kaikki yhteydenotot ovat luottamuksellisia."],
            "sv": ["Allt är konfidentiellt."], "en": ["Everything is confidential."],
        },
    },
    "substance_use": {
        "name": {
            "fi": ["Päihdetyö", "Toipujien ryhmä", "Riippuvuustyön vastaanotto"],
            "sv": ["Missbruksstöd"], "en": ["Addiction support group"],
        },
        "lead": {
            "fi": [
                "Tukea päihde- ja peliriippuvuuksista toipuville ja heidän läheisilleen.",
                "Toipujien ryhmässä keskustellaan alkoholin ja huumeiden käytön vähentämisestä.",
                "Riippuvuustyöntekijä auttaa, kun päihteiden käyttö huolestuttaa.",
            ],
            "sv": ["Stöd för dig som vill bli fri från alkohol, droger eller spel."],
            "en": [
                "Support for people recovering from alcohol, drug or gambling problems, and their families.",
            ],
        },
        "detail": {
            "fi": ["Ryhmään voi tulla nimettömänä."], "sv": ["Du kan komma anonymt."],
            "en": ["You can come anonymously."],
        },
    },
    "disability_support": {
        "name": {
            "fi": [
                "Vammaisten maahanmuuttajien tuki", "Erityislasten perheiden ryhmä",
                "Esteettömyysneuvonta",
            ],
            "sv": ["Stöd för personer med funktionsnedsättning"], "en": ["Disability support"],
        },
        "lead": {
            "fi": [
                "Tuemme vammaisia maahan muuttaneita ja heidän perheitään palvelujen ja tukien hakemisessa.",
                "Erityislasten vanhemmat saavat tietoa vammaispalveluista ja tukea arkeen.",
                "Neuvomme vammaispalveluissa, apuvälineissä ja Kelan vammaisetuuksissa.",
            ],
            "sv": ["Vi stöder personer med funktionsnedsättning och deras familjer."],
            "en": [
                "We support disabled migrants and their families in applying for services and benefits.",
            ],
        },
        "detail": {
            "fi": ["Tilat ovat esteettömät."], "sv": ["Lokalerna är tillgängliga."],
            "en": ["The premises are accessible."],
        },
    },
    "peer_support": {
        "name": {
            "fi": [
                "Vertaistukiryhmä", "Vertaisryhmä", "Vertaistukipiiri", "Keskusteluryhmä",
                "Tukiryhmä",
            ],
            "sv": ["Kamratstödsgrupp", "Stödgrupp"], "en": ["Peer support group", "Support circle"],
        },
        "lead": {
            "fi": [
                "Vertaistukiryhmässä jaetaan kokemuksia ja saadaan tukea toisilta samassa tilanteessa olevilta.",
                "Vertaisryhmä kokoontuu{where} keskustelemaan arjen iloista ja huolista.",
                "Vertaistuellinen ryhmä{aud}, jossa kukaan ei jää yksin.",
                "Ryhmässä tavataan muita samassa elämäntilanteessa olevia ja tuetaan toinen toisiamme.",
                "Vertaistukipiirissä puhutaan luottamuksellisesti kotoutumisen haasteista ja onnistumisista.",
            ],
            "sv": [
                "I kamratstödsgruppen delar vi erfarenheter och stöder varandra{aud}.",
                "Stödgruppen träffas för att prata om vardagens glädjeämnen och bekymmer.",
            ],
            "en": [
                "A peer support group{aud} where people in the same situation share experiences.",
                "Meet others who have gone through the same and support each other.",
            ],
        },
        "detail": {
            "fi": [
                "Ryhmää ohjaa koulutettu vertaisohjaaja.",
                "Ryhmässä sovitaan yhdessä luottamuksellisuudesta.",
            ],
            "sv": ["Gruppen leds av en utbildad kamratstödjare."],
            "en": ["The group is led by a trained peer facilitator."],
        },
    },
    "friendship_mentoring": {
        "name": {
            "fi": [
                "Ystävätoiminta", "Kotoutumisen ystävä", "Mentorointiohjelma", "Kaveritoiminta",
                "Ystäväksi maahanmuuttajalle",
            ],
            "sv": ["Vänverksamhet", "Mentorprogram"],
            "en": ["Befriending programme", "Mentoring programme"],
        },
        "lead": {
            "fi": [
                "Ystävätoiminnassa maahan muuttanut ja vapaaehtoinen ystävä tapaavat säännöllisesti.",
                "Mentori tukee uudessa kotikaupungissa alkuun pääsemisessä ja verkostojen luomisessa.",
                "Välitämme vapaaehtoisia ystäviä{aud}: yhteisiä kävelyitä, kahvihetkiä ja juttutuokioita.",
                "Kaveritoiminnassa saat vapaaehtoisen kaverin, jonka kanssa tutustua uuteen kotikuntaan.",
            ],
            "sv": [
                "I vänverksamheten träffar en inflyttad och en frivillig vän varandra regelbundet.",
                "En mentor hjälper dig att komma in i samhället och bygga nätverk.",
            ],
            "en": [
                "Our befriending programme matches newcomers with a volunteer friend.",
                "A mentor helps you settle in and build networks in your new home town.",
            ],
        },
        "detail": {
            "fi": [
                "Ystäväpari tapaa noin kerran viikossa.",
                "Vapaaehtoiset on koulutettu tehtäväänsä.",
            ],
            "sv": ["Vännerna träffas ungefär en gång i veckan."],
            "en": ["Friends usually meet once a week."],
        },
    },
    "meeting_place": {
        "name": {
            "fi": [
                "Kohtaamispaikka", "Avoin olohuone", "Yhteisötila",
                "Monikulttuurinen kohtaamispaikka", "Olohuonetoiminta", "Asukastupa",
            ],
            "sv": ["Mötesplats", "Öppet vardagsrum"],
            "en": ["Drop-in community space", "Open living room"],
        },
        "lead": {
            "fi": [
                "Avoin kohtaamispaikka, jonne voi tulla juomaan kahvia ja tapaamaan muita.",
                "Olohuoneessa on tarjolla kahvia, lehtiä ja seuraa: tule sellaisena kuin olet.",
                "Monikulttuurinen kohtaamispaikka{where}, jossa eri taustoista tulevat ihmiset tutustuvat toisiinsa.",
                "Asukastuvalle ovat tervetulleita kaikki alueen asukkaat, uudet ja vanhat.",
            ],
            "sv": [
                "En öppen mötesplats där du kan dricka kaffe och träffa andra.",
                "Det öppna vardagsrummet är till för alla invånare.",
            ],
            "en": [
                "A drop-in community space with coffee, newspapers and company.",
                "An open living room where people from all backgrounds meet.",
            ],
        },
        "detail": {
            "fi": ["Tiloissa on myös lasten leikkinurkkaus.", "Voit tulla ja lähteä milloin haluat."],
            "sv": ["Du kan komma och gå som du vill."], "en": ["Come and go as you like."],
        },
    },
    "family_support": {
        "name": {
            "fi": [
                "Perhekahvila", "Perheiden kohtaamispaikka", "Vanhemmuuden tuki", "Vanhempainryhmä",
                "Perhekerho",
            ],
            "sv": ["Familjecafé", "Föräldragrupp"],
            "en": ["Family café", "Parenting support group"],
        },
        "lead": {
            "fi": [
                "Perhekahvilassa vanhemmat ja pienet lapset tapaavat toisiaan ja saavat tukea arkeen.",
                "Tukea vanhemmuuteen ja perheen arkeen{aud}: kasvatus, koulunkäynti ja suomalainen varhaiskasvatus.",
                "Vanhempainryhmässä keskustellaan lasten kasvatuksesta kahden kulttuurin välissä.",
                "Perhekerhossa leikitään, lauletaan ja jutellaan perheiden arjesta.",
            ],
            "sv": [
                "På familjecaféet träffas föräldrar och små barn.",
                "Stöd i föräldraskapet: uppfostran, skolan och dagvården.",
            ],
            "en": [
                "At the family café parents and little ones meet and get support in everyday life.",
                "Parenting support: raising children between two cultures, school and day care.",
            ],
        },
        "detail": {
            "fi": ["Mukana on perhetyöntekijä.", "Lapsille on omaa ohjelmaa."],
            "sv": ["En familjearbetare är på plats."], "en": ["A family worker is present."],
        },
    },
    "children_activities": {
        "name": {
            "fi": [
                "Lasten kerho", "Leikkikerho", "Lasten askartelukerho", "Lasten liikuntakerho",
                "Satutuokio",
            ],
            "sv": ["Barnklubb", "Lekklubb"], "en": ["Children's club", "Playgroup"],
        },
        "lead": {
            "fi": [
                "Kerhossa lapset leikkivät, askartelevat ja liikkuvat ohjatusti.",
                "Lasten kerho{where}: pelejä, leikkejä ja retkiä lähimetsään.",
                "Satutuokiossa luetaan kuvakirjoja ja lauletaan yhdessä.",
            ],
            "sv": ["I barnklubben leker, pysslar och rör vi oss tillsammans."],
            "en": ["At the children's club kids play, do crafts and go on outings."],
        },
        "detail": {
            "fi": ["Kerho on maksuton.", "Ohjaajina on koulutettuja kerho-ohjaajia."],
            "sv": ["Klubben är avgiftsfri."], "en": ["The club is free."],
        },
    },
    "youth_activities": {
        "name": {
            "fi": ["Nuorten ilta", "Nuorisokerho", "Nuorten ryhmä", "Nuorten olohuone"],
            "sv": ["Ungdomskväll", "Ungdomsgrupp"], "en": ["Youth evening", "Youth club"],
        },
        "lead": {
            "fi": [
                "Nuorten illassa pelataan, jutellaan ja tehdään yhdessä nuorten itse ideoimia juttuja.",
                "Nuorisokerho tarjoaa turvallisen paikan viettää vapaa-aikaa{where}.",
                "Nuorten ryhmässä tutustutaan uusiin kavereihin ja kokeillaan uusia harrastuksia.",
            ],
            "sv": ["På ungdomskvällen spelar vi, pratar och hittar på saker tillsammans."],
            "en": [
                "Youth evenings with games, chats and activities planned by the young people themselves.",
            ],
        },
        "detail": {
            "fi": ["Paikalla on nuoriso-ohjaaja."], "sv": ["En ungdomsledare är på plats."],
            "en": ["A youth worker is present."],
        },
    },
    "women_groups": {
        "name": {
            "fi": [
                "Naisten ryhmä", "Naisten käsityöpiiri", "Naisten olohuone", "Naisten ilta",
                "Äitien ja naisten kerho",
            ],
            "sv": ["Kvinnogrupp", "Kvinnocafé"], "en": ["Women's group", "Women's circle"],
        },
        "lead": {
            "fi": [
                "Naisten ryhmässä tehdään käsitöitä, jutellaan ja tutustutaan toisiin naisiin.",
                "Naisten olohuone on naisten oma paikka tavata, levätä ja jutella.",
                "Naisten illassa kokataan, askarrellaan ja vietetään aikaa yhdessä.",
            ],
            "sv": ["I kvinnogruppen handarbetar vi, pratar och lär känna varandra."],
            "en": ["A women's circle for crafts, conversation and friendship."],
        },
        "detail": {
            "fi": ["Lastenhoito on järjestetty ryhmän ajaksi."], "sv": ["Barnpassning ordnas."],
            "en": ["Childcare is provided during the group."],
        },
    },
    "men_groups": {
        "name": {
            "fi": ["Miesten ryhmä", "Isien ryhmä", "Miesten ilta", "Miesten kahvila"],
            "sv": ["Mansgrupp", "Pappagrupp"], "en": ["Men's group", "Fathers' group"],
        },
        "lead": {
            "fi": [
                "Miesten ryhmässä keskustellaan isyydestä, työstä ja arjesta miesten kesken.",
                "Isien ryhmä kokoontuu{where} jakamaan kokemuksia isänä olemisesta uudessa maassa.",
                "Miesten illassa saunotaan, pelataan ja jutellaan elämästä.",
            ],
            "sv": ["I mansgruppen pratar vi om faderskap, arbete och vardag."],
            "en": ["A men's group to talk about fatherhood, work and life in a new country."],
        },
        "detail": {
            "fi": ["Ryhmän vetäjänä toimii kokenut miestyön ohjaaja."],
            "sv": ["Gruppen leds av en erfaren ledare."],
            "en": ["Led by an experienced facilitator."],
        },
    },
    "seniors": {
        "name": {
            "fi": [
                "Seniorikerho", "Ikäihmisten kohtaamispaikka", "Seniorien olohuone",
                "Eläkeläisten piiri",
            ],
            "sv": ["Seniorträff", "Pensionärsklubb"],
            "en": ["Seniors' club", "Older people's meeting point"],
        },
        "lead": {
            "fi": [
                "Seniorikerhossa ikääntyneet maahan muuttaneet tapaavat, jumppaavat kevyesti ja juttelevat.",
                "Ikäihmisten kohtaamispaikassa torjutaan yksinäisyyttä yhteisen tekemisen kautta.",
                "Eläkeläisten piirissä tutustutaan palveluihin, joita ikäihmiset voivat käyttää.",
            ],
            "sv": ["På seniorträffen umgås vi, gympar lätt och pratar."],
            "en": ["Older migrants meet for light exercise, conversation and company."],
        },
        "detail": {
            "fi": ["Kuljetus voidaan järjestää tarvittaessa."], "sv": ["Transport kan ordnas."],
            "en": ["Transport can be arranged."],
        },
    },
    "sports_leisure": {
        "name": {
            "fi": [
                "Jalkapallokerho", "Liikuntaryhmä", "Uimakoulu", "Sählyvuoro", "Kuntosaliryhmä",
                "Lentopallovuoro",
            ],
            "sv": ["Fotbollsträning", "Motionsgrupp", "Simskola"],
            "en": ["Football club", "Exercise group", "Swimming lessons"],
        },
        "lead": {
            "fi": [
                "Liikuntaryhmässä harrastetaan monipuolisesti liikuntaa yhdessä: kävelyä, kuntopiiriä ja pallopelejä.",
                "Jalkapallokerhossa pelataan ja harjoitellaan rennosti, kaikki taitotasot ovat tervetulleita.",
                "Uimakoulussa opetellaan uimaan turvallisesti pienessä ryhmässä.",
                "Sählyvuorolla pelataan kaikille avoimia pelejä{where}.",
                "Kuntosaliryhmässä harjoitellaan ohjatusti ja opetellaan laitteiden turvallinen käyttö.",
                "Lentopallovuorolla pelataan rennosti sekajoukkueissa.",
            ],
            "sv": [
                "Vi tränar fotboll för skojs skull – alla nivåer är välkomna.",
                "Motionsgruppen promenerar, gympar och spelar bollspel.",
            ],
            "en": [
                "Football for fun: everyone is welcome whatever their level.",
                "An exercise group with walks, circuit training and ball games.",
            ],
        },
        "detail": {
            "fi": ["Välineet saa lainaksi.", "Harrastus on maksuton."],
            "sv": ["Utrustning kan lånas."], "en": ["Equipment can be borrowed."],
        },
    },
    "culture_arts": {
        "name": {
            "fi": ["Kuoro", "Teatteriryhmä", "Tanssiryhmä", "Taidepaja", "Musiikkiryhmä"],
            "sv": ["Kör", "Teatergrupp", "Konstverkstad"],
            "en": ["Choir", "Theatre group", "Art workshop"],
        },
        "lead": {
            "fi": [
                "Kuorossa lauletaan lauluja eri puolilta maailmaa.",
                "Teatteriryhmässä tehdään näytelmä yhdessä, eikä aiempaa kokemusta tarvita.",
                "Taidepajassa maalataan, piirretään ja tehdään yhteisiä taideteoksia.",
                "Tanssiryhmässä tanssitaan perinteisiä ja moderneja tansseja.",
            ],
            "sv": [
                "I kören sjunger vi sånger från hela världen.",
                "I konstverkstaden målar och tecknar vi tillsammans.",
            ],
            "en": [
                "Our choir sings songs from around the world.",
                "An art workshop for painting and drawing together.",
            ],
        },
        "detail": {
            "fi": ["Esitämme kevätjuhlassa.", "Materiaalit ovat maksuttomia."],
            "sv": ["Material ingår."], "en": ["Materials are provided."],
        },
    },
    "food_aid": {
        "name": {
            "fi": ["Ruoka-apu", "Ruokajako", "Ruokakassijako", "Yhteisöateria", "Ruokapankki"],
            "sv": ["Matutdelning", "Mathjälp", "Gemensam måltid"],
            "en": ["Food bank", "Food aid", "Community meal"],
        },
        "lead": {
            "fi": [
                "Jaamme ruoka-apua kaupoista lahjoitettuina elintarvikkeina.",
                "Ruokakassijako on tarkoitettu kaikille ruoka-apua tarvitseville, jonoon voi tulla ilman papereita.",
                "Yhteisöaterialla tarjoillaan lämmin ateria kaikille tulijoille.",
                "Ruokapankki jakaa ruokakasseja vähävaraisille perheille ja yksinasuville.",
            ],
            "sv": ["Vi delar ut mat som donerats av butiker.", "Gemensam varm måltid för alla."],
            "en": [
                "We hand out food donated by shops to anyone who needs it.",
                "A free hot community meal for everyone.",
            ],
        },
        "detail": {
            "fi": ["Ota mukaan oma kassi.", "Jakoon ei tarvita ennakkoilmoittautumista."],
            "sv": ["Ta med egen kasse."], "en": ["Bring your own bag."],
        },
    },
    "material_aid": {
        "name": {
            "fi": ["Vaate- ja tavara-apu", "Tavarapankki", "Vaatejako", "Kierrätyspiste"],
            "sv": ["Klädutdelning", "Sakbank"],
            "en": ["Free clothes and household items", "Clothes bank"],
        },
        "lead": {
            "fi": [
                "Jaamme lahjoitettuja vaatteita, kenkiä ja kodin tavaroita maksutta.",
                "Tavarapankista saa huonekaluja ja kodintarvikkeita uuteen kotiin.",
                "Vaatejaossa on talvivaatteita lapsille ja aikuisille.",
            ],
            "sv": ["Vi delar ut donerade kläder och hushållsartiklar gratis."],
            "en": [
                "Donated clothes, shoes and household items, free of charge.",
                "Furniture and household goods for a new home.",
            ],
        },
        "detail": {
            "fi": ["Talvivaatteita on runsaasti syksyisin."],
            "sv": ["Vinterkläder finns på hösten."],
            "en": ["Winter clothes are available in autumn."],
        },
    },
    "volunteering": {
        "name": {
            "fi": ["Vapaaehtoiseksi", "Vapaaehtoistoiminta", "Tule mukaan vapaaehtoiseksi"],
            "sv": ["Bli frivillig"], "en": ["Become a volunteer"],
        },
        "lead": {
            "fi": [
                "Tule mukaan vapaaehtoiseksi: tapahtumat, keittiö ja kerhojen ohjaaminen.",
                "Vapaaehtoistoiminnassa pääset käyttämään omia taitojasi ja tutustumaan uusiin ihmisiin.",
            ],
            "sv": ["Bli frivillig hos oss – evenemang, kök och klubbar."],
            "en": [
                "Volunteer with us: events, the kitchen and running clubs.",
                "Volunteering is a good way to use your skills and meet new people.",
            ],
        },
        "detail": {
            "fi": ["Vapaaehtoisille järjestetään perehdytys."], "sv": ["Introduktion ordnas."],
            "en": ["We give volunteers an introduction."],
        },
    },
    "lgbtq_support": {
        "name": {
            "fi": ["Sateenkaariryhmä", "Sateenkaarimaahanmuuttajien tuki", "Sateenkaari-ilta"],
            "sv": ["Regnbågsgrupp"], "en": ["Rainbow group", "LGBTQ+ migrants' support"],
        },
        "lead": {
            "fi": [
                "Sateenkaariryhmä on turvallisempi paikka hlbtiq-taustaisille maahan muuttaneille.",
                "Tuemme sateenkaari-ihmisiä, jotka ovat muuttaneet Suomeen, ja neuvomme yhdenvertaisuuteen liittyvissä kysymyksissä.",
            ],
            "sv": ["Regnbågsgruppen är en tryggare plats för hbtqi-personer med invandrarbakgrund."],
            "en": [
                "A safer space for LGBTQ+ migrants to meet and support each other.",
                "Support for rainbow people who have moved to Finland.",
            ],
        },
        "detail": {
            "fi": ["Ryhmään voi tulla nimettömänä."], "sv": ["Du kan komma anonymt."],
            "en": ["You can come anonymously."],
        },
    },
    "faith_community": {
        "name": {
            "fi": [
                "Kansainvälinen jumalanpalvelus", "Rukoushetki", "Moskeijan avoimet ovet",
                "Seurakunnan kansainvälinen ilta",
            ],
            "sv": ["Internationell gudstjänst"],
            "en": ["International congregation", "Prayer meeting"],
        },
        "lead": {
            "fi": [
                "Seurakunnan kansainvälisessä illassa on hartaus, yhteistä laulua ja iltapalaa.",
                "Rukoushetkeen ovat tervetulleita kaikki, jotka kaipaavat hiljentymistä.",
                "Moskeijan avoimissa ovissa voi tutustua yhteisön toimintaan.",
            ],
            "sv": ["Internationell gudstjänst med sång och kyrkkaffe."],
            "en": ["An international service with songs and coffee afterwards."],
        },
        "detail": {
            "fi": ["Kaikki ovat tervetulleita taustasta riippumatta."], "sv": ["Alla är välkomna."],
            "en": ["Everyone is welcome."],
        },
    },
}

# --------------------------------------------------------------------------
# Sentences about languages, interpreters, escorting, referrals, online and
# nationwide reach, and small talk that belongs to no theme.
LANGUAGE_SENTENCES = {
    "fi": [
        "Toimintaa {adv}.", "Ohjaus tapahtuu {adv}.", "Toiminnan kielet: {nom}.",
        "Palvelemme {adv}.", "Ohjaajamme puhuvat {gen} kieltä.",
    ],
    "sv": ["Verksamheten sker på {sv}.", "Vi talar {sv}.", "Språk: {sv}."],
    "en": ["We speak {en}.", "Languages: {en}.", "Help is available in {en}."],
}

#: Further ways to say it for activities that meet as a group.
GROUP_LANGUAGE_SENTENCES = {
    "fi": ["Ryhmää ohjataan {adv}.", "Ryhmässä puhutaan {part}.", "Ryhmän kielet ovat {nom}."],
    "sv": ["Gruppen leds på {sv}."],
    "en": ["Sessions are run in {en}.", "The group meets in {en}."],
}

#: How the schedule is said in the description: groups meet, desks are open.
SCHEDULE_SENTENCES = {
    "group": {"fi": "Kokoonnumme {lowered}.", "sv": "Vi träffas {lowered}.", "en": "We meet on {words}."},
    "desk": {
        "fi": "Olemme paikalla {lowered}.", "sv": "Vi finns på plats {lowered}.",
        "en": "Open on {words}.",
    },
}

#: Languages given only in the text (not in ``languages[]``).
EXTRA_LANGUAGE_SENTENCES = {
    "fi": [
        "Toimintaa myös {adv}.", "Ohjaajista osa puhuu myös {part}.", "Apua saa myös {adv}.",
        "Mukana on myös {adj} ohjaaja.",
    ],
    "sv": ["Även på {sv}.", "Vi har också handledare som talar {sv}."],
    "en": ["We also run sessions in {en}.", "Some of our volunteers also speak {en}."],
}

INTERPRETER_SENTENCES = {
    "fi": [
        "Vapaaehtoiset tulkit auttavat tarvittaessa {adv}.",
        "Tarvittaessa mukana on vapaaehtoinen tulkki ({nom}).",
        "Vapaaehtoisemme voivat tulkata {adv}.",
    ],
    "sv": ["Frivilliga tolkar finns på {sv}."],
    "en": ["Volunteer interpreters are available in {en}."],
}

ESCORT_SENTENCES = {
    "fi": [
        "Vapaaehtoinen voi tarvittaessa lähteä mukaan asioimaan.",
        "Tarvittaessa vapaaehtoinen saattaa Kelaan, terveysasemalle tai kouluun.",
        "Voimme järjestää saattajan viranomaiskäynneille.",
    ],
    "sv": ["En frivillig kan följa med vid myndighetsbesök."],
    "en": ["A volunteer can come along to appointments if needed."],
}

REFERRAL_SENTENCES = {
    "fi": [
        "Otamme vastaan ohjauksia KOTO-tiimeiltä ja sosiaalityöstä.",
        "Sosiaalityöntekijä voi ohjata asiakkaan suoraan meille.",
    ],
    "sv": ["Vi tar emot hänvisningar från socialarbetare."],
    "en": ["Social workers can refer clients to us directly."],
}

ONLINE_SENTENCES = {
    "fi": [
        "Toimintaan voi osallistua verkossa Teamsissa, joten mukaan pääsee mistä päin Suomea tahansa.",
        "Tapaamiset järjestetään etänä Zoomissa.", "Toimintaa myös verkossa.",
        "Osallistua voi myös etäyhteydellä.",
    ],
    "sv": ["Man kan delta på nätet via Teams.", "Man kan också delta på distans."],
    "en": [
        "Sessions are online via Zoom, so you can join from anywhere in Finland.",
        "You can also take part online.",
    ],
}

NATIONWIDE_SENTENCES = {
    "fi": [
        "Palvelemme koko Suomessa puhelimitse ja chatissa.",
        "Neuvonta palvelee valtakunnallisesti.",
    ],
    "sv": ["Vi betjänar hela Finland per telefon."],
    "en": ["We serve the whole of Finland by phone and chat."],
}

PAUSED_SENTENCES = {
    "fi": ["Toiminta on tauolla toistaiseksi.", "Ryhmä ei kokoonnu tällä kaudella."],
    "sv": ["Verksamheten har paus tills vidare."],
    "en": ["This activity is paused until further notice."],
}

FILLERS = {
    "fi": [
        "Toiminta on maksutonta eikä vaadi ennakkoilmoittautumista.", "Tervetuloa mukaan!",
        "Ilmoittautumiset sähköpostitse.", "Kahvitarjoilu.",
        "Uudet osallistujat ovat aina tervetulleita.", "Tilat ovat esteettömät.",
        "Osallistuminen on maksutonta.", "Voit tulla mukaan kesken kauden.",
        "Lisätietoja saat yhteyshenkilöltä.",
    ],
    "sv": ["Verksamheten är avgiftsfri.", "Välkommen med!", "Anmälan per e-post.", "Kaffeservering."],
    "en": [
        "Free of charge, no registration needed.", "Everyone welcome!", "Register by email.",
        "Coffee and tea provided.",
    ],
}

# --------------------------------------------------------------------------
# Organisation boilerplate.
ORG_KINDS = {
    "community": {
        "fi": [
            "{community} perustama yhdistys", "{community} yhdistys", "{community} yhteisöjärjestö",
        ],
        "sv": ["förening för {community} invandrare"], "en": ["{community} community association"],
    },
    "multicultural": {
        "fi": [
            "monikulttuurinen yhdistys", "maahan muuttaneiden perustama yhdistys",
            "vapaaehtoisvoimin toimiva yhdistys", "kotoutumista tukeva järjestö",
        ],
        "sv": ["mångkulturell förening", "frivilligdriven förening"],
        "en": ["multicultural association", "volunteer-run association"],
    },
    "service": {
        "fi": [
            "yleishyödyllinen järjestö", "valtakunnallinen järjestö",
            "sosiaali- ja terveysalan järjestö",
        ],
        "sv": ["allmännyttig organisation"], "en": ["non-profit organisation"],
    },
    "hobby": {
        "fi": ["harrastusseura", "paikallinen yhdistys"], "sv": ["lokal förening"],
        "en": ["local club"],
    },
}

ORG_PURPOSE = {
    "fi": [
        "Tavoitteenamme on tukea maahan muuttaneiden kotoutumista ja osallisuutta.",
        "Yhdistyksen tarkoituksena on edistää eri kulttuureista tulevien ihmisten kohtaamista ja yhdenvertaisuutta.",
        "Haluamme, että jokainen voi tuntea olevansa kotona uudessa kotikaupungissaan.",
        "Toimimme siltana oman yhteisömme ja suomalaisen yhteiskunnan välillä.",
        "Teemme työtä yhdessä kunnan, hyvinvointialueen ja muiden järjestöjen kanssa.",
    ],
    "sv": [
        "Vi vill främja integration och delaktighet.",
        "Föreningen arbetar för möten mellan människor med olika bakgrund.",
    ],
    "en": [
        "We help newcomers feel at home and take part in society.",
        "We work with the municipality, the wellbeing services county and other NGOs.",
    ],
}

ORG_FACTS = {
    "fi": [
        "Toimintamme on poliittisesti ja uskonnollisesti sitoutumatonta.",
        "Toimintaamme rahoittaa STEA.", "Yhdistyksessä on noin {members} jäsentä.",
        "Mukana on {volunteers} aktiivista vapaaehtoista.", "Toiminta perustuu vapaaehtoisuuteen.",
    ],
    "sv": [
        "Verksamheten är partipolitiskt och religiöst obunden.",
        "Föreningen har cirka {members} medlemmar.",
    ],
    "en": ["We are politically and religiously independent.", "We have about {members} members."],
}

ORG_SUMMARY = {
    "fi": [
        "Toimintaamme kuuluvat muun muassa {names}.", "Toimintamuotojamme ovat {names}.",
        "Toimintamme: {names}.",
    ],
    "sv": ["Till vår verksamhet hör bland annat {names}.", "Vår verksamhet: {names}."],
    "en": ["Our activities include the {names}.", "What we do: {names}."],
}

HOBBY_ORG = {
    "fi": "{name} on{where} toimiva paikallinen yhdistys.",
    "sv": "{name} är en lokal förening{where}.", "en": "{name} is a local club{where}.",
}

ORG_NAMES = {
    "community": {
        "fi": [
            "{Community} yhdistys {word} ry", "{word} – {community} yhteisö ry",
            "{City_gen} {community} yhdistys {word} ry",
        ],
        "sv": ["Föreningen {word} rf"], "en": ["{word} Community Association ry"],
    },
    "multicultural": {
        "fi": [
            "Monikulttuuriyhdistys {fiword} ry", "Kotoutumisyhdistys {fiword} ry",
            "{fiword} – monikulttuurinen kohtaamispaikka ry", "{City_gen} {fiword} ry",
            "Yhteisöyhdistys {fiword} ry",
        ],
        "sv": [
            "Mångkulturella föreningen {svword} rf", "Föreningen {svword} rf",
            "{svword} – mötesplats rf",
        ],
        "en": [
            "{enword} International ry", "{enword} Community Network ry",
            "{enword} Newcomers' Club ry",
        ],
    },
    "service": {
        "fi": ["{theme_org} {fiword} ry", "{fiword}-säätiö sr", "{City_gen} {theme_org} ry"],
        "sv": ["{svword} rf", "Stiftelsen {svword} sr", "Rådgivningsföreningen {svword} rf"],
        "en": [
            "{enword} Support ry", "{enword} Advice Centre ry", "{enword} Foundation sr",
            "{enword} Helpline ry",
        ],
    },
}

FI_WORDS = [
    "Lyhty", "Kompassi", "Pihlajanmarja", "Kaislikko", "Tuulenpesä", "Kotilaituri", "Siltapaikka",
    "Kehäkukka", "Aamutähti", "Sinisilta", "Kuunsilta", "Ruskakoto", "Tähkäpää", "Majakkapiha",
    "Kotiranta", "Leppälintu", "Pajupilli", "Kielisilta", "Mustikkamaa", "Sammalkivi", "Kultasade",
    "Revontuli", "Lakeuden Silta", "Uusi Koti", "Yhteinen Pöytä", "Siltarumpu", "Kirkasvesi",
    "Pohjantähti", "Koivunlehti", "Kanerva", "Virtakivi", "Saarenkärki", "Tervaleppä",
    "Harjunsilta", "Ruusupuu", "Satamakaari", "Niittyvilla", "Puolukka", "Tähtipolku", "Rantakivi",
    "Hopeapaju", "Vaahtera", "Kimalainen", "Kotipesä", "Lumikello", "Sinivuokko", "Kielo",
    "Ahomansikka", "Pajunkissa", "Kielokumpu", "Lähdekivi", "Tuulimylly", "Lepinkäinen",
    "Sinitiainen", "Saniainen", "Kotikenttä", "Purjevene", "Aallokko", "Kallioinen", "Hiekkaranta",
    "Valkovuokko", "Kultakämmen", "Kissankello", "Tähtisumu", "Ruskalehti", "Suvituuli", "Jäkälä",
    "Kuusenkerkkä", "Routasilta", "Kesäheinä", "Lumihiutale", "Sateenkaari-silta", "Kirsikkapuu",
    "Koskikara", "Pellavapelto", "Vanamo", "Metsätähti", "Rantakoivu", "Tuohikontti", "Syysmyrsky",
]

SV_WORDS = [
    "Fyren", "Bryggan", "Kompassen", "Ankaret", "Vindrosen", "Lyktan", "Skärgårdsvännen", "Bron",
    "Strandängen", "Nyckeln", "Vågen", "Ljusglimten", "Stjärnan", "Hamnen", "Sjöboden", "Rönnbäret",
    "Lindblomman", "Sandstranden", "Kvarnen", "Solrosen", "Holmen", "Näckrosen",
]

EN_WORDS = [
    "Bridgeway", "Open Door", "Harbour Friends", "Northern Lights", "Common Ground", "Lakeside",
    "Compass Rose", "New Roots", "Kindred", "Lantern", "Meeting Point", "Evergreen", "Birchwood",
    "Silver Birch", "Riverside", "Welcome Table", "Crossroads", "Snowdrop", "Pinewood",
    "Lighthouse", "Open Hands", "Stepping Stones", "Northern Star", "Seabird", "Blue Lake",
    "Rowan Tree",
]

THEME_ORG = {
    "mental_health": "Mielenterveysyhdistys", "crisis_support": "Kriisikeskusyhdistys",
    "domestic_violence": "Turvatalo-yhdistys", "legal_advice": "Oikeusapuyhdistys",
    "residence_permit_help": "Maahanmuuttajaneuvonta", "financial_advice": "Talousneuvontayhdistys",
    "housing_advice": "Asumisen tuki", "employment_jobseeking": "Työllisyysyhdistys",
    "disability_support": "Vammaisyhdistys", "substance_use": "Päihdetyön yhdistys",
    "lgbtq_support": "Sateenkaariyhdistys", "health_guidance": "Terveysyhdistys",
    "food_aid": "Ruoka-apuyhdistys", "homework_help": "Koululaistuki",
    "digital_skills": "Digitukiyhdistys", "education_guidance": "Koulutusneuvonta",
}

# --------------------------------------------------------------------------
# Homonym distractors: the same words in another sense. ``themes`` is the
# honest ground truth of each (often none of the taxonomy's needs).
HOMONYMS: list[dict] = [
    {
        "key": "sijoituskurssi", "text_lang": "fi", "themes": [],
        "org": "Osakesäästäjien kerho {fiword} ry", "name": "Sijoituskurssi aloittelijoille",
        "desc": "Kurssilla opit rahastosäästämisen ja osakesijoittamisen perusteet. Sijoitusneuvontaa jäsenille kuukausittain; emme hoida velka-asioita.",
    },
    {
        "key": "kannattajat", "text_lang": "fi", "themes": ["sports_leisure"],
        "org": "Kannattajayhdistys {fiword} ry", "name": "Fanien tukiryhmä",
        "desc": "Tukiryhmä joukkueen kannattajille: yhteiset bussimatkat vieraspeleihin, tifojen tekeminen ja kannattajien illat ennen kotiotteluja.",
    },
    {
        "key": "myyjaiskahvila", "text_lang": "fi", "themes": ["faith_community"],
        "org": "{City_gen} seurakunnan diakoniapiiri", "name": "Myyjäiskahvila",
        "desc": "Myyjäiskahvilassa myydään kotileivonnaisia ja käsitöitä lähetystyön hyväksi. Tervetuloa kahville ja ostoksille!",
    },
    {
        "key": "arabianranta", "text_lang": "fi", "themes": [],
        "org": "Arabianrannan asukasyhdistys ry", "muni": "091", "name": "Arabian kaupunginosailta",
        "desc": "Arabian kaupunginosan asukkaiden yhdistys järjestää siivoustalkoita, pihakirpputoreja ja keskustelutilaisuuksia alueen kaavoituksesta. Arabia-keskuksen kerhohuoneessa kokoonnumme kerran kuussa.",
    },
    {
        "key": "kalastuslupa", "text_lang": "fi", "themes": ["sports_leisure"],
        "org": "Kalastusseura {fiword} ry", "name": "Kalastuslupien myynti ja neuvonta",
        "desc": "Myymme viehekalastuslupia seuran vesille ja neuvomme lupa-asioissa. Lupahakemuksen voi täyttää myös verkossa; luvan hinta määräytyy kalastuskauden mukaan.",
    },
    {
        "key": "oleskelutila", "text_lang": "fi", "themes": ["youth_activities", "meeting_place"],
        "groups": ["youth"], "ages": (13, 17), "org": "Nuorisotalo {fiword} – nuorisoyhdistys ry",
        "name": "Nuorisotalon avoin oleskelutila",
        "desc": "Nuorisotalon oleskelutila on avoinna 13–17-vuotiaille. Oleskelutilassa voi pelata biljardia, konsolipelejä ja lautapelejä.",
    },
    {
        "key": "apurahahakemus", "text_lang": "fi", "themes": ["culture_arts"],
        "org": "Taiteilijaseura {fiword} ry", "name": "Apurahahakemusklinikka",
        "desc": "Autamme taiteilijoita apurahahakemusten täyttämisessä ja työsuunnitelman kirjoittamisessa. Hakemuksen liitteiksi tarvitaan portfolio ja budjetti.",
    },
    {
        "key": "viittomakieli", "text_lang": "fi", "themes": ["disability_support"],
        "org": "Viittomakielisten yhdistys {fiword} ry", "name": "Viittomakielen tulkkien kahvila",
        "desc": "Viittomakielen tulkit ja kuurot tapaavat kahvilassa. Tulkkauspalveluja kuuroille ja kuurosokeille välittää Kela.",
    },
    {
        "key": "laksiaiset", "text_lang": "fi", "themes": ["children_activities"],
        "org": "{City_gen} {fiword}-koulun vanhempainyhdistys ry",
        "name": "Kuudesluokkalaisten läksiäisjuhla",
        "desc": "Vanhempainyhdistys järjestää kuudesluokkalaisille läksiäiset koulun juhlasalissa. Läksiäisjuhlaan tarvitaan vapaaehtoisia leipomaan.",
    },
    {
        "key": "perheyritys", "text_lang": "fi", "themes": ["entrepreneurship"],
        "org": "Perheyrittäjien verkosto {fiword} ry",
        "name": "Perheyritysten sukupolvenvaihdos-ilta",
        "desc": "Perheyritysten omistajille tietoa sukupolvenvaihdoksesta, perheen ja yrityksen yhteensovittamisesta sekä verotuksesta.",
    },
    {
        "key": "ilmastokriisi", "text_lang": "fi", "themes": ["volunteering"],
        "org": "Ilmastoliike {fiword} ry", "name": "Ilmastokriisiryhmä",
        "desc": "Ilmastokriisiryhmä järjestää mielenosoituksia ja keskustelutilaisuuksia ilmastonmuutoksesta. Tule mukaan vapaaehtoiseksi kampanjoihin.",
    },
    {
        "key": "puutarhaneuvonta", "text_lang": "fi", "themes": [],
        "org": "Puutarhayhdistys {fiword} ry", "name": "Puutarhaneuvonta",
        "desc": "Neuvontaa kotipuutarhureille: hedelmäpuiden leikkaus, kompostointi ja kasvimaan hoito. Neuvoja vastaa kysymyksiin puhelimitse.",
    },
    {
        "key": "python", "text_lang": "fi", "themes": ["digital_skills"],
        "org": "Koodikerho {fiword} ry", "name": "Python-ohjelmointikielen kurssi",
        "desc": "Kurssilla opitaan Python-ohjelmointikielen perusteet. Ohjelmointikieli sopii aloittelijoille; kurssi vaatii omat tietokoneen perustaidot.",
    },
    {
        "key": "viron_risteily", "text_lang": "fi", "themes": ["seniors"], "groups": ["seniors"],
        "ages": (65, None), "org": "Eläkeläisyhdistys {fiword} ry",
        "name": "Seniorien Viron-risteily",
        "desc": "Eläkeläisyhdistys järjestää päiväristeilyn Tallinnaan. Virossa tutustumme vanhaan kaupunkiin ja Viron keittiöön.",
    },
    {
        "key": "ukrainan_tuki", "text_lang": "fi", "themes": ["volunteering"],
        "org": "Ukrainan tuki {fiword} ry", "name": "Ukrainan tuki -keräys",
        "desc": "Keräämme varoja ja tarvikkeita Ukrainaan lähetettäviksi. Tarvitsemme vapaaehtoisia pakkaamaan lahjoituksia varastolle.",
    },
    {
        "key": "somalia_nayttely", "text_lang": "fi", "themes": ["culture_arts"],
        "org": "Valokuvataiteen seura {fiword} ry", "name": "Valokuvanäyttely Somalian rannikolta",
        "desc": "Näyttely esittelee suomalaisen valokuvaajan kuvia Somalian rannikkokaupungeista. Opastukset suomeksi sunnuntaisin.",
    },
    {
        "key": "englantilainen_puutarha", "text_lang": "fi", "themes": [],
        "org": "Englantilaisen puutarhan ystävät ry", "name": "Englantilaisen puutarhan kurssi",
        "desc": "Kurssi englantilaisen maisemapuutarhan historiasta ja perennapenkkien suunnittelusta.",
    },
    {
        "key": "venajan_kirjallisuus", "text_lang": "fi", "themes": ["culture_arts"],
        "org": "Kirjallisuusseura {fiword} ry", "name": "Venäläisen kirjallisuuden lukupiiri",
        "desc": "Lukupiirissä luetaan venäläisiä klassikoita suomennoksina: Tolstoita, Dostojevskia ja Tšehovia. Keskustelu käydään suomeksi.",
    },
    {
        "key": "talkoot", "text_lang": "fi", "themes": ["volunteering", "sports_leisure"],
        "org": "Urheiluseura {fiword} ry", "name": "Talkootyö ja tapahtumatyö",
        "desc": "Seuran talkootyöllä rahoitetaan junioreiden harrastusta. Tule töihin kioskiin, lipunmyyntiin tai järjestyksenvalvojaksi.",
    },
    {
        "key": "koirakerho", "text_lang": "fi", "themes": [], "org": "Koiraharrastajat {fiword} ry",
        "name": "Pentukurssi ja tottelevaisuuskurssi",
        "desc": "Pentukurssilla koira ja omistaja oppivat perustaidot. Neuvontaa koiranomistajille koiran ruokinnasta ja terveydestä.",
    },
    {
        "key": "elainsuojelu", "text_lang": "fi", "themes": [],
        "org": "Eläinsuojeluyhdistys {fiword} ry", "name": "Eläinten hyvinvointi ja kodinvälitys",
        "desc": "Edistämme eläinten hyvinvointia ja etsimme kodittomille kissoille uusia koteja. Tukikotiverkostoon tarvitaan vapaaehtoisia.",
    },
    {
        "key": "taloyhtio", "text_lang": "fi", "themes": [], "org": "Asukastoimikunta {fiword}",
        "name": "Taloyhtiön asukasneuvosto",
        "desc": "Asukastoimikunta päättää kerhohuoneen käytöstä ja järjestää pihatalkoot. Neuvontaa taloyhtiön saunavuoroista ja pysäköinnistä.",
    },
    {
        "key": "ruokakurssi", "text_lang": "fi", "themes": ["culture_arts"],
        "org": "Ruokakulttuuriyhdistys {fiword} ry", "name": "Thaimaalaisen keittiön ruokakurssi",
        "desc": "Ruokakurssilla valmistetaan thaimaalaisia ruokia. Kurssimaksu sisältää raaka-aineet.",
    },
    {
        "key": "ensiapukurssi", "text_lang": "fi", "themes": [], "org": "Ensiapuryhmä {fiword} ry",
        "name": "Hätäensiapukurssi",
        "desc": "Ensiapukurssilla harjoitellaan elvytystä ja toimintaa onnettomuustilanteissa. Kurssi on maksullinen.",
    },
    {
        "key": "golfkurs", "text_lang": "sv", "themes": ["sports_leisure"],
        "org": "Golfklubben {svword} rf", "name": "Golfkurs för nybörjare",
        "desc": "Golfkursen ger grunderna i sving och regler. Kursen avslutas med grönt kort-prov.",
    },
    {
        "key": "supporterklubb", "text_lang": "sv", "themes": ["sports_leisure"],
        "org": "Supporterklubben {svword} rf", "name": "Supporterträff",
        "desc": "Stöd ditt lag! Supporterklubben ordnar bussresor till bortamatcher och träffar före hemmamatcherna.",
    },
    {
        "key": "basar", "text_lang": "sv", "themes": ["faith_community"],
        "org": "{City_sv} svenska församlings diakonikrets", "name": "Basarcafé",
        "desc": "Basarcaféet säljer hembakat och handarbeten till förmån för missionen. Välkommen på kaffe!",
    },
    {
        "key": "supporters_club", "text_lang": "en", "themes": ["sports_leisure"],
        "org": "{enword} Supporters' Club ry", "name": "Supporters' evening",
        "desc": "Support our team! Away-game bus trips and supporters' evenings before home matches.",
    },
    {
        "key": "debtfree_investing", "text_lang": "en", "themes": [],
        "org": "{enword} Investors ry", "name": "Debt-free investing seminar",
        "desc": "A seminar on building a debt-free investment portfolio: index funds, shares and advice for beginners.",
    },
    {
        "key": "programming_language", "text_lang": "en", "themes": ["digital_skills"],
        "org": "{enword} Coders ry", "name": "JavaScript programming language course",
        "desc": "Learn the JavaScript programming language in eight weeks. Course language English; basic computer skills required.",
    },
    {
        "key": "golf_course", "text_lang": "en", "themes": ["sports_leisure"],
        "org": "{enword} Golf Club ry", "name": "Golf course open days",
        "desc": "Our golf course is open to visitors on Saturdays. Introductory course for beginners in May.",
    },
]
# fmt: on
