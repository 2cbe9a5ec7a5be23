#!/usr/bin/env python3
"""Generates the names-and-places evaluation corpus: tests/data/corpus/names.jsonl.

    python3 tests/data/gen/names.py > tests/data/corpus/names.jsonl

Deterministic (fixed seed, Python 3 standard library only): the same command gives the same bytes.

Why a second generator: structured.py draws its names and places from one short list, so a
recognizer tuned on it could learn those few dozen names. This corpus is about names and places
alone: people from many origins (diacritics, hyphens, particles such as `van der`, `de la`, `O'`,
`Mc`, family-name-first order), initials, nicknames, ALL-CAPS headers, signatures and cc lines,
relatives and clinicians, possessives, lower-case chat, and words that are names in one sentence
and ordinary words in the next (`my daughter Grace` / `grace period`, `Dr. White` / `white
count`, `Dr. Foley` / `Foley catheter`). Places: street lines with units, PO boxes, rural and
highway-contract routes, multi-word cities (lower case in chat), counties and parishes, ZIP codes,
named facilities, and generic facility words (`urgent care`, `the hospital`) that carry no span.
Every list below is hand-written for this file; none is taken from the project's dictionaries,
and many names are rare in US census lists on purpose.

Templates have inline slots, as in structured.py: `{LABEL.fmt}` draws a value and records its
span (offsets counted at the end, in code points); `{filler}` draws text that is NOT an
identifier. A template is used a few times at most: each deck is shuffled and drawn without
replacement before it is reshuffled. Span conventions: tests/data/README.md (NAME without titles
or credentials and without a possessive `'s`; ADDRESS is the street line with its unit; COUNTY
keeps its word; CITY is the name only; LOCATION_OTHER is a facility's full name). Dates, phone
numbers, e-mail addresses, MRNs, ZIP codes and ages over 89 that appear are annotated too.
"""

import json
import random
import re
import sys
import unicodedata

SEED = 20240607
COUNTS = {"chat": 160, "note": 80, "billing": 40, "negative": 40}

# --------------------------------------------------------------------------------------------
# People. Each origin: (female first names, male first names, family names, family-name-first?).
# Written by hand; several spellings are deliberately uncommon in US records.

ORIGINS = {
    "hispanic": (["Guadalupe", "Xiomara", "Yesenia", "Maricela", "Itzel", "Consuelo", "Araceli",
                  "Dulce", "María José", "Lucía"],
                 ["Jesús", "Joaquín", "Rigoberto", "Ulises", "Héctor", "Yahir", "Efraín",
                  "Nicolás", "Santiago", "Manuel"],
                 ["García-López", "Villaseñor", "de la Cruz", "Zúñiga", "Ibarra", "Ochoa",
                  "Peña", "Muñoz", "Del Toro", "Echeverría", "Núñez", "Báez"], False),
    "vietnamese": (["Thảo", "Ngọc Anh", "Hương", "Trang", "Phương", "Hạnh", "Lan", "Thuy"],
                   ["Minh", "Tuấn", "Dũng", "Quang", "Huy", "Khoa", "Phúc", "Bao"],
                   ["Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Ngo", "Duong"], True),
    "chinese": (["Xiaoling", "Meiling", "Jing", "Qian", "Lihua", "Xiu", "Wing Yee"],
                ["Zhiwei", "Jianguo", "Haoran", "Xiaoming", "Guang", "Kwok Wai", "Zhen"],
                ["Zhang", "Liu", "Chen", "Huang", "Zhao", "Xu", "Guo", "Zheng", "Chan", "Leung",
                 "Cheung", "Yip"], True),
    "korean": (["Ji-yeon", "Seo-yeon", "Min-ji", "Eun-hee", "Soo-jin", "Hye-won"],
               ["Ji-hoon", "Min-jun", "Sung-ho", "Dong-hyun", "Jae-won", "Hyun-woo"],
               ["Park", "Choi", "Jung", "Kang", "Yoon", "Jang", "Shin", "Hwang", "Seo"], True),
    "indian": (["Lakshmi", "Ananya", "Deepika", "Kavitha", "Meenakshi", "Harpreet", "Sunita"],
               ["Venkatesh", "Arjun", "Rajesh", "Sandeep", "Gurpreet", "Srinivas", "Abhishek"],
               ["Raghunathan", "Iyer", "Banerjee", "Subramanian", "Reddy", "Venkataraman",
                "Deshpande", "Sandhu", "Mukherjee", "Chaudhary"], False),
    "pakistani": (["Ayesha", "Mehwish", "Rabia", "Zainab", "Nimra", "Sana"],
                  ["Imran", "Bilal", "Usman", "Faisal", "Kashif", "Waqar"],
                  ["Qureshi", "Siddiqui", "Chaudhry", "Abbasi", "Raza", "Butt", "Malik"], False),
    "arabic": (["Layla", "Mariam", "Rania", "Huda", "Noor", "Yasmin"],
               ["Youssef", "Khalid", "Tariq", "Abdulrahman", "Hamza", "Mohammed"],
               ["al-Hashimi", "El-Amin", "Abu-Saleh", "Al-Masri", "Nassar", "Khoury",
                "Abdel-Rahman", "Saadeh", "Al Farsi"], False),
    "nigerian": (["Chiamaka", "Ngozi", "Oluwaseun", "Adaeze", "Funmilayo", "Ifeoma", "Yetunde"],
                 ["Chukwuemeka", "Babatunde", "Obinna", "Ikechukwu", "Oluwadamilare", "Femi"],
                 ["Okonkwo", "Adeyemi", "Eze", "Nwosu", "Adebayo", "Olawale", "Adesanya",
                  "Onyekachi"], False),
    "ethiopian": (["Tigist", "Selamawit", "Meron", "Hirut", "Bethlehem", "Almaz"],
                  ["Abebe", "Tesfaye", "Dawit", "Yohannes", "Getachew", "Mulugeta"],
                  ["Bekele", "Tadesse", "Gebremedhin", "Wolde", "Alemu", "Desta", "Kebede"],
                  False),
    "somali": (["Hodan", "Ifrah", "Sahra", "Fadumo"], ["Abdirahman", "Mohamud", "Liban", "Abdullahi"],
               ["Warsame", "Farah", "Jama", "Abdi", "Egal"], False),
    "polish": (["Małgorzata", "Katarzyna", "Wiesława", "Bożena", "Grażyna", "Jadwiga"],
               ["Krzysztof", "Grzegorz", "Wojciech", "Łukasz", "Zbigniew", "Przemysław"],
               ["Wójcik", "Szczepański", "Grzybowski", "Kowalczyk", "Wiśniewski", "Zieliński",
                "Dąbrowski", "Brzęczek"], False),
    "russian": (["Svetlana", "Yekaterina", "Lyudmila", "Oksana", "Tatyana", "Anastasia"],
                ["Dmitriy", "Vladimir", "Sergei", "Aleksandr", "Yuri", "Mikhail"],
                ["Smirnov", "Kuznetsova", "Volkov", "Sokolova", "Lebedev", "Morozov",
                 "Zhukovsky"], False),
    "ukrainian": (["Olena", "Halyna", "Iryna"], ["Oleksandr", "Bohdan", "Taras"],
                  ["Shevchenko", "Kovalenko", "Bondarenko", "Tkachuk", "Hrytsenko"], False),
    "greek": (["Eleni", "Konstantina", "Despina", "Panagiota", "Vasiliki"],
              ["Konstantinos", "Georgios", "Dimitrios", "Panagiotis", "Spyros", "Christos"],
              ["Papadopoulos", "Konstantinidis", "Georgiou", "Economou", "Karagiannis",
               "Angelopoulos"], False),
    "irish": (["Siobhán", "Niamh", "Aoife", "Caoimhe", "Róisín", "Bridget"],
              ["Seán", "Pádraig", "Ciarán", "Eoin", "Declan", "Cathal"],
              ["O'Neil", "McAllister", "O'Sullivan", "MacNamara", "Fitzpatrick", "Mulcahy",
               "Ó Súilleabháin", "Mac Giolla", "Ní Bhriain"], False),
    "italian": (["Giuseppina", "Rosaria", "Concetta", "Antonella", "Carmela", "Francesca"],
                ["Giuseppe", "Salvatore", "Vincenzo", "Gennaro", "Pasquale", "Massimo"],
                ["D'Angelo", "Di Stefano", "Esposito", "LoBianco", "De Luca", "Lo Presti",
                 "Capobianco", "Ferraro"], False),
    "dutch": (["Femke", "Marieke", "Anouk"], ["Joost", "Pieter", "Sjoerd"],
              ["van der Berg", "van den Heuvel", "de Vries", "ter Horst", "Vander Meer",
               "Van Dyke"], False),
    "filipino": (["Maricel", "Rowena", "Luzviminda", "Marites"],
                 ["Reynaldo", "Rodrigo", "Ferdinand", "Jun"],
                 ["Dela Cruz", "Macapagal", "Bautista", "Villanueva", "Manalo"], False),
    "japanese": (["Haruka", "Keiko", "Sachiko"], ["Takeshi", "Kenji", "Daisuke"],
                 ["Watanabe", "Takahashi", "Nakamura", "Kobayashi"], False),
    "hmong": (["Mai Yer", "Pa Houa", "Choua", "Nou"], ["Tou", "Pao", "Kou", "Chue"],
              ["Vang", "Xiong", "Thao", "Lor", "Moua", "Yang"], False),
    "haitian": (["Marie-Carmelle", "Nadège", "Guerline", "Fabienne"],
                ["Jean-Baptiste", "Wisly", "Fritznel", "Jean-Robert"],
                ["Pierre-Louis", "Desrosiers", "Saint-Fleur", "Dorvil", "Jean-Charles"], False),
    "turkish": (["Ayşe", "Elif", "Gülşen"], ["Mehmet", "Emre", "Oğuz"],
                ["Yılmaz", "Öztürk", "Çelik", "Şahin"], False),
    "nordic": (["Sigrid", "Solveig", "Åsa"], ["Bjørn", "Sven", "Håkon"],
               ["Øvergaard", "Lundqvist", "Halvorsen", "Bjørnsson"], False),
    "jewish": (["Shoshana", "Tova", "Rivka"], ["Yitzchak", "Avraham", "Moshe"],
               ["Ben-David", "Rosenblatt", "Weinstein", "Katz"], False),
    "native": (["Winona", "Shandiin", "Nizhoni"], ["Ahiga", "Delbert", "Leroy"],
               ["Begay", "Yazzie", "Tsosie", "Benally", "Etsitty", "Nez"], False),
    "african_american": (["Latoya", "Tamika", "Shaniqua", "Ebony", "Keyana"],
                         ["DeShawn", "Tyrone", "Jamarcus", "LaMarcus", "D'Andre"],
                         ["Washington", "Jefferson", "Freeman", "Booker", "Robinson"], False),
    "anglo": (["Elizabeth", "Margaret", "Katherine", "Patricia", "Kayleigh", "Jennifer"],
              ["Robert", "William", "Anthony", "Theodore", "Dustin", "Daniel"],
              ["Smith", "Abernathy", "Whitaker", "Pennington", "St. John", "Ashworth"], False),
}

NICKNAMES = {"Guadalupe": "Lupita", "Aleksandr": "Sasha", "Mikhail": "Misha", "Dmitriy": "Dima",
             "Yekaterina": "Katya", "Giuseppe": "Pino", "Salvatore": "Sal", "Vincenzo": "Enzo",
             "Konstantinos": "Kostas", "Christos": "Chris", "Babatunde": "Tunde",
             "Chukwuemeka": "Emeka", "Oluwadamilare": "Dami", "Pádraig": "Paddy",
             "Krzysztof": "Krzyś", "Francesca": "Frankie", "Rigoberto": "Rigo", "Jesús": "Chuy",
             "Abdulrahman": "Abdul", "Venkatesh": "Venky", "Robert": "Bobby",
             "Elizabeth": "Liz", "Katherine": "Kate", "Margaret": "Peggy", "William": "Billy",
             "Anthony": "Tony", "Theodore": "Teddy", "Patricia": "Trish", "Manuel": "Manny",
             "Daniel": "Dan", "Jennifer": "Jen", "Oluwaseun": "Seun", "Funmilayo": "Funmi",
             "Giuseppina": "Pina", "Concetta": "Connie", "Anastasia": "Nastya",
             "Tatyana": "Tanya", "Vladimir": "Volodya", "Małgorzata": "Gosia",
             "Wojciech": "Wojtek", "Ikechukwu": "Ike", "Przemysław": "Przemek"}

# Names that are also ordinary English words (or eponyms): the same words appear elsewhere in
# this corpus as plain words, with no span.
WORD_FIRST_F = ["Grace", "Hope", "Faith", "Joy", "Rose", "Dawn", "Summer", "Iris", "Ivy",
                "Holly", "Hazel", "Amber", "Ruby", "Pearl", "Crystal", "Heather", "Daisy",
                "Violet", "Penny", "Olive", "Charity", "Patience", "Mercy", "Sunny", "Willow"]
WORD_FIRST_M = ["Mark", "Will", "Bill", "Frank", "Drew", "Max", "Art", "Chase", "Reed", "Jack",
                "Rusty", "Guy", "Gene", "Ray", "Dean", "Cliff", "Dale", "Glen", "Hunter", "Bud",
                "Pat", "Wade", "Miles", "Lance", "Clay"]
WORD_LAST = ["White", "Brown", "Green", "Black", "Young", "King", "Long", "Rice", "Price",
             "Page", "Cook", "Hunt", "Lane", "Bell", "Stone", "Banks", "Fox", "Wood", "Hill",
             "Ward", "Nurse", "Day", "Gray", "Small", "Strong", "Moody", "Friend", "Sweet",
             "Hardy", "Noble", "Cash", "Sharp", "Church", "Waters", "Hart", "Bird", "Love",
             "Swift", "Marsh", "Foley", "Graves", "Parkinson", "Baker", "Mason", "Fisher"]

MIDDLE = "ABCDEFGHJKLMNPRSTVW"

# --------------------------------------------------------------------------------------------
# Places: (city, state abbreviation, county or parish, ZIP prefix). Many multi-word or with
# ordinary words in them (`Truth or Consequences`, `Twin Falls`, `Bowling Green`).

PLACES = [
    ("Cedar Rapids", "IA", "Linn County", "524"),
    ("Grand Forks", "ND", "Grand Forks County", "582"),
    ("Las Cruces", "NM", "Doña Ana County", "880"),
    ("San Angelo", "TX", "Tom Green County", "769"),
    ("St. Cloud", "MN", "Stearns County", "563"),
    ("Coeur d'Alene", "ID", "Kootenai County", "838"),
    ("Port Huron", "MI", "St. Clair County", "480"),
    ("Lake Charles", "LA", "Calcasieu Parish", "706"),
    ("Bowling Green", "KY", "Warren County", "421"),
    ("Winston-Salem", "NC", "Forsyth County", "271"),
    ("Wilkes-Barre", "PA", "Luzerne County", "187"),
    ("Hattiesburg", "MS", "Forrest County", "394"),
    ("Klamath Falls", "OR", "Klamath County", "976"),
    ("Yakima", "WA", "Yakima County", "989"),
    ("Flagstaff", "AZ", "Coconino County", "860"),
    ("Bozeman", "MT", "Gallatin County", "597"),
    ("Dubuque", "IA", "Dubuque County", "520"),
    ("Terre Haute", "IN", "Vigo County", "478"),
    ("Eau Claire", "WI", "Eau Claire County", "547"),
    ("Mankato", "MN", "Blue Earth County", "560"),
    ("Jonesboro", "AR", "Craighead County", "724"),
    ("Hialeah", "FL", "Miami-Dade County", "330"),
    ("Kissimmee", "FL", "Osceola County", "347"),
    ("Brownsville", "TX", "Cameron County", "785"),
    ("Eagle Pass", "TX", "Maverick County", "788"),
    ("Truth or Consequences", "NM", "Sierra County", "879"),
    ("Fond du Lac", "WI", "Fond du Lac County", "549"),
    ("Sault Ste. Marie", "MI", "Chippewa County", "497"),
    ("Hilo", "HI", "Hawaii County", "967"),
    ("Presque Isle", "ME", "Aroostook County", "047"),
    ("Paducah", "KY", "McCracken County", "420"),
    ("Natchitoches", "LA", "Natchitoches Parish", "714"),
    ("Ypsilanti", "MI", "Washtenaw County", "481"),
    ("Poughkeepsie", "NY", "Dutchess County", "126"),
    ("Altoona", "PA", "Blair County", "166"),
    ("Myrtle Beach", "SC", "Horry County", "295"),
    ("Dothan", "AL", "Houston County", "363"),
    ("Tupelo", "MS", "Lee County", "388"),
    ("Walla Walla", "WA", "Walla Walla County", "993"),
    ("Idaho Falls", "ID", "Bonneville County", "834"),
    ("Rapid City", "SD", "Pennington County", "577"),
    ("North Platte", "NE", "Lincoln County", "691"),
    ("Dodge City", "KS", "Ford County", "678"),
    ("Grand Junction", "CO", "Mesa County", "815"),
    ("Twin Falls", "ID", "Twin Falls County", "833"),
    ("Council Bluffs", "IA", "Pottawattamie County", "515"),
    ("Elko", "NV", "Elko County", "898"),
    ("Chillicothe", "OH", "Ross County", "456"),
    ("Opelousas", "LA", "St. Landry Parish", "705"),
    ("Gallup", "NM", "McKinley County", "873"),
]
# Cities abroad or far away: where relatives live, where a patient moved from.
FAR_CITIES = ["Addis Ababa", "Ho Chi Minh City", "Lagos", "Guadalajara", "Kraków", "Lahore",
              "Thessaloniki", "Cork", "Palermo", "Port-au-Prince", "Mogadishu", "Chennai",
              "Busan", "Guangzhou", "Manila", "Kyiv", "Oaxaca", "San Pedro Sula", "Enugu",
              "Bahir Dar", "Gdańsk", "Novosibirsk", "Da Nang", "Hyderabad", "Izmir"]
STREETS = ["Kosciuszko", "Tecumseh", "Wabash", "Calle del Sol", "Old Farm", "Dos Caminos",
           "Martin Luther King Jr", "Magnolia Bluff", "Pulaski", "Del Mar", "Los Alamos",
           "Bayou Vista", "Tamarind", "Shady Grove", "Prospect Hill", "Saint Vincent",
           "Chickasaw", "Piñon", "Arrowhead", "Riverbend", "Cottonwood", "Garfield", "Quail Run",
           "Peachtree", "Dogwood", "Highland", "Ridgeview", "Sequoia", "Bonita", "Lakeview"]
SUFFIXES = ["St", "Street", "Ave", "Ave.", "Avenue", "Dr", "Dr.", "Drive", "Rd", "Road", "Ln",
            "Lane", "Ct", "Blvd", "Way", "Pl", "Ter", "Cir", "Pkwy", "Trl"]
UNITS = ["Apt 3C", "Apt. 12", "Unit 7", "#204", "Ste. 100", "Apt B", "Trlr 9", "Lot 22",
         "Bldg 4 Apt 2", "Apt 1-R", "# 5", "Unit 3B", "Fl 2"]
HOSPITALS = ["Calvert Hospital", "Our Lady of Lourdes Medical Center", "San Rafael Community "
             "Hospital", "Holy Family Hospital", "Bayou Teche Medical Center",
             "Mesa del Norte Regional Hospital", "St. Casimir Hospital",
             "Three Rivers General Hospital", "Kapaʻa Valley Medical Center",
             "Shenandoah Memorial Hospital", "Good Shepherd Hospital", "Elmhurst Baptist"]
CLINICS = ["Nuestra Señora Clinic", "Mesa Verde Family Medicine", "Tri-County Urgent Care",
           "Lakota Plains Health Center", "Hopewell Behavioral Health", "Cascade Surgical Center",
           "Little Saigon Family Clinic", "Three Rivers Dialysis", "Hope Free Clinic",
           "Pinecrest Women's Health", "Northgate Pediatrics", "Sandhills Cancer Institute"]
NURSING = ["Sunny Acres Care Home", "Good Samaritan Hospice", "Pinecrest Rehabilitation Center",
           "St. Olaf Lutheran Home", "Shady Pines Retirement Community", "Greenfield Memory Care",
           "Bluebird Home Health", "Magnolia Manor", "Casa de Paz Assisted Living"]
PHARMACIES = ["Alder Street Pharmacy", "Farmacia Los Portales", "Kwan's Apothecary",
              "Main Street Drug", "Northside Compounding Pharmacy"]
FAR_HOSPITAL = ["Tikur Anbessa Hospital", "Lagos Island General Hospital",
                "Hospital Civil de Guadalajara", "Chợ Rẫy Hospital"]

RELATIONS_F = ["daughter", "wife", "sister", "niece", "granddaughter", "mother", "aunt"]
RELATIONS_M = ["son", "husband", "brother", "nephew", "grandson", "father", "uncle"]
LANGUAGES = ["Spanish", "Vietnamese", "Amharic", "Polish", "Russian", "Somali", "Hmong",
             "Haitian Creole", "Cantonese", "Korean", "Punjabi", "Arabic", "Greek", "Tigrinya"]
DRUGS = ["metformin", "lisinopril", "atorvastatin", "levothyroxine", "amlodipine", "gabapentin",
         "sertraline", "apixaban", "furosemide", "prednisone", "tamsulosin", "donepezil"]
EPONYMS = ["Parkinson's disease", "Graves' disease", "Bell's palsy", "Hashimoto's thyroiditis",
           "Crohn's disease", "Addison's disease", "Hodgkin lymphoma", "Still's disease",
           "Wilson disease", "Raynaud phenomenon", "Ménière disease", "Dupuytren contracture",
           "Christmas disease", "Lyme disease", "Baker's cyst", "Paget disease"]
JOBS = ["cook", "nurse", "welder", "seamstress", "bus driver", "farmworker", "pastor",
        "cashier", "roofer", "home aide", "fisherman", "teacher"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

R = random.Random(SEED)


def pick(seq):
    return R.choice(seq)


def digits(n):
    return "".join(R.choice("0123456789") for _ in range(n))


def ascii_fold(s):
    """Accents and non-letters dropped: for e-mail local parts."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isascii() and c.isalnum()).lower()


# --------------------------------------------------------------------------------------------
# Per-document context.


class Person:
    """One invented person of one origin; `family_first` origins sometimes write it that way."""

    def __init__(self, sex=None, origin=None, last=None):
        self.origin = origin or pick(sorted(ORIGINS))
        fem, mas, lasts, fam_first = ORIGINS[self.origin]
        self.sex = sex or pick("FM")
        self.first = pick(fem if self.sex == "F" else mas)
        self.last = last or pick(lasts)
        self.mi = pick(MIDDLE)
        self.nick = NICKNAMES.get(self.first, self.first)
        self.family_first = fam_first

    def full(self):
        return f"{self.first} {self.last}"


class Ctx:
    def __init__(self, kind):
        self.kind = kind
        self.pt = Person()
        self.rel_sex = pick("FM")
        self.rel_word = pick(RELATIONS_F if self.rel_sex == "F" else RELATIONS_M)
        # Relatives share the family name about half the time.
        self.rel = Person(self.rel_sex, self.pt.origin,
                          self.pt.last if R.random() < 0.5 else None)
        self.son = Person("M", self.pt.origin, self.pt.last)
        self.son2 = Person("M", self.pt.origin, self.pt.last)
        while self.son2.first == self.son.first and len(ORIGINS[self.pt.origin][1]) > 1:
            self.son2 = Person("M", self.pt.origin, self.pt.last)
        self.dau = Person("F", self.pt.origin, self.pt.last)
        self.wife = Person("F", self.pt.origin, self.pt.last)
        self.hus = Person("M", self.pt.origin, self.pt.last)
        self.doc = Person()
        self.doc2 = Person()
        self.staff = Person()
        self.staff2 = Person()
        self.other = Person()
        self.wf_f = pick(WORD_FIRST_F)
        self.wf_m = pick(WORD_FIRST_M)
        self.wl = pick(WORD_LAST)
        self.wl2 = pick(WORD_LAST)
        self.place = pick(PLACES)
        self.place2 = pick([p for p in PLACES if p != self.place])
        # Chat writers mostly type names and places in lower case.
        self.lower = kind == "chat" and R.random() < 0.6


PLACE_LABELS = {"NAME", "ADDRESS", "CITY", "COUNTY", "LOCATION_OTHER"}


def gen_name(ctx, fmt):
    p = ctx.pt
    values = {
        "pt": p.full(), "pt_first": p.first, "pt_last": p.last,
        "pt_mi": f"{p.first} {p.mi}. {p.last}", "pt_lf": f"{p.last}, {p.first}",
        "pt_lfm": f"{p.last}, {p.first} {p.mi}".upper(), "pt_caps": p.full().upper(),
        "pt_init": f"{p.first[0]}. {p.last}", "pt_nick": p.nick,
        "pt_native": f"{p.last} {p.first}" if p.family_first else p.full(),
        "rel": ctx.rel.full(), "rel_first": ctx.rel.first, "rel_lf": f"{ctx.rel.last}, {ctx.rel.first}",
        "rel_caps": ctx.rel.full().upper(), "rel_last": ctx.rel.last,
        "son": ctx.son.first, "son2": ctx.son2.first, "son_full": ctx.son.full(),
        "dau": ctx.dau.first, "dau_full": ctx.dau.full(), "wife": ctx.wife.first,
        "hus": ctx.hus.first, "hus_full": ctx.hus.full(), "baby": ctx.son.first if R.random() < 0.5 else ctx.dau.first,
        "doc": ctx.doc.full(), "doc_first": ctx.doc.first, "doc_last": ctx.doc.last,
        "doc_init": f"{ctx.doc.first[0]}. {ctx.doc.last}",
        "doc_ii": f"{ctx.doc.first[0]}.{ctx.doc.mi}. {ctx.doc.last}",
        "doc_caps": ctx.doc.full().upper(), "doc_lf": f"{ctx.doc.last}, {ctx.doc.first}",
        "doc_lfm": f"{ctx.doc.last}, {ctx.doc.first} {ctx.doc.mi}".upper(),
        "doc2": ctx.doc2.full(), "doc2_last": ctx.doc2.last,
        "staff": ctx.staff.full(), "staff_first": ctx.staff.first, "staff_last": ctx.staff.last,
        "staff_init": f"{ctx.staff.first[0]}. {ctx.staff.last}",
        "staff2": ctx.staff2.full(), "other": ctx.other.full(), "other_first": ctx.other.first,
        "other_last": ctx.other.last,
        "wf_f": ctx.wf_f, "wf_m": ctx.wf_m, "wl": ctx.wl,
        "wfull": f"{ctx.wf_m} {ctx.wl}", "wfull_f": f"{ctx.wf_f} {ctx.wl2}",
        "wl_full": f"{ctx.other.first} {ctx.wl}",
    }
    if fmt.startswith("o_"):
        # {NAME.o_hispanic_f}: a first name of that origin and sex.
        fem, mas, _, _ = ORIGINS[fmt[2:-2]]
        return pick(fem if fmt.endswith("_f") else mas)
    return values[fmt]


def gen_address(ctx, fmt):
    style = fmt if fmt in ("pobox", "rr", "unit", "plain") else pick(
        ["plain", "plain", "unit", "unit", "pobox", "rr", "grid", "hwy"])
    # Mostly one to four digits; rural and western grids also have five-digit numbers.
    n = str(R.randrange(10000, 29999) if R.random() < 0.12 else R.randrange(3, 9999))
    if style == "pobox":
        return pick(["PO Box {}", "P.O. Box {}", "Post Office Box {}", "PO BOX {}",
                     "P O Box {}"]).format(R.randrange(2, 9999))
    if style == "rr":
        return pick(["RR {} Box {}", "Rural Route {} Box {}", "HC {} Box {}",
                     "R.R. {}, Box {}", "Rt {} Box {}"]).format(R.randrange(1, 80),
                                                               R.randrange(1, 400))
    if style == "grid":
        return f"{n} {pick(['N', 'S', 'E', 'W'])} {R.randrange(1, 9)}00 {pick(['E', 'W', 'N', 'S'])}"
    if style == "hwy":
        return pick([f"{n} State Route {R.randrange(1, 300)}", f"{n} Hwy {R.randrange(1, 99)}",
                     f"{n} County Road {R.randrange(1, 90)}",
                     f"{n} US Highway {R.randrange(1, 99)} N"])
    parts = [n]
    if R.random() < 0.3:
        parts.append(pick(["N", "S", "E.", "W.", "North", "SW", "NE"]))
    if R.random() < 0.15:
        parts.append(pick(["3rd", "14th", "21st", "2nd", "102nd"]))
        parts.append(pick(["St", "Ave", "Street"]))
    else:
        parts += [pick(STREETS), pick(SUFFIXES)]
    s = " ".join(parts)
    if style == "unit":
        s += pick([" ", ", ", " "]) + pick(UNITS)
    return s


def gen_city(ctx, fmt):
    if fmt == "far":
        return pick(FAR_CITIES)
    return (ctx.place2 if fmt == "other" else ctx.place)[0]


def gen_county(ctx, fmt):
    return (ctx.place2 if fmt == "other" else ctx.place)[2]


def gen_zip(ctx, fmt):
    z = ctx.place[3] + digits(2)
    return z + "-" + digits(4) if fmt == "plus4" or R.random() < 0.15 else z


def gen_location(ctx, fmt):
    table = {"hosp": HOSPITALS, "clinic": CLINICS, "nursing": NURSING, "pharm": PHARMACIES,
             "far": FAR_HOSPITAL}
    return pick(table.get(fmt, HOSPITALS + CLINICS + NURSING))


def gen_phone(ctx, fmt):
    a = pick(["555", "217", "319", "505", "701", "208", "985", "915"])
    if a == "555":
        e, n = str(R.randrange(200, 999)), digits(4)
    else:
        e, n = "555", "01" + digits(2)
    return pick(["({a}) {e}-{n}", "{a}-{e}-{n}", "{a}.{e}.{n}", "{a} {e} {n}", "{a}{e}{n}",
                 "+1 {a} {e} {n}"]).format(a=a, e=e, n=n)


def gen_email(ctx, fmt):
    p = {"staff": ctx.staff, "rel": ctx.rel}.get(fmt, ctx.pt)
    f, l = ascii_fold(p.first), ascii_fold(p.last)
    local = pick([f"{f}.{l}", f"{f[0]}{l}", f"{l}.{f}{digits(2)}", f"{f}_{l}"])
    return f"{local}@{pick(['example.org', 'example.com', 'mail.example.net', 'clinic.test'])}"


def gen_mrn(ctx, fmt):
    return pick([digits(8), "00" + digits(6), digits(7), "M" + digits(7), digits(3) + "-" + digits(4)])


def ordinal(d):
    suffix = "th" if 11 <= d % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return f"{d}{suffix}"


def gen_date(ctx, fmt):
    y = R.randrange(1925, 2007) if fmt.endswith("dob") else R.randrange(2023, 2026)
    m = R.randrange(1, 13)
    d = R.randrange(1, 29)
    styles = [f"{m:02d}/{d:02d}/{y}", f"{m}/{d}/{y}", f"{MONTHS[m - 1]} {d}, {y}",
              f"{d} {MON_ABBR[m - 1]} {y}", f"{y}-{m:02d}-{d:02d}", f"{m}/{d}/{y % 100:02d}",
              f"{MON_ABBR[m - 1]} {ordinal(d)}, {y}", f"{m:02d}-{d:02d}-{y}"]
    if fmt.startswith("chat"):
        styles = [f"{m}/{d}", f"{m}/{d}/{y % 100:02d}", f"{MONTHS[m - 1].lower()} {d}",
                  f"{MONTHS[m - 1].lower()} {ordinal(d)}", f"{m}-{d}-{y}"] if fmt == "chat" else \
                 [f"{m}/{d}/{y}", f"{m}/{d}/{y % 100:02d}", f"{MONTHS[m - 1].lower()} {d} {y}",
                  f"{m}-{d}-{y}"]
    return pick(styles)


def gen_age(ctx, fmt):
    return str(pick([90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 103]))


GENERATORS = {"NAME": gen_name, "ADDRESS": gen_address, "CITY": gen_city, "COUNTY": gen_county,
              "ZIP": gen_zip, "LOCATION_OTHER": gen_location, "PHONE": gen_phone,
              "FAX": gen_phone, "EMAIL": gen_email, "MRN": gen_mrn, "DATE": gen_date,
              "AGE": gen_age}


def title(ctx, fmt):
    if fmt == "rel":
        return "Mrs." if ctx.rel_sex == "F" else "Mr."
    return pick(["Ms.", "Mrs."]) if ctx.pt.sex == "F" else "Mr."


FILLERS = {
    "bp": lambda ctx, fmt: f"{R.randrange(100, 178)}/{R.randrange(58, 100)}",
    "sbp": lambda ctx, fmt: str(R.randrange(140, 190)),
    "hr": lambda ctx, fmt: str(R.randrange(52, 120)),
    "glucose": lambda ctx, fmt: str(R.randrange(70, 320)),
    "temp": lambda ctx, fmt: f"{R.uniform(99.0, 102.5):.1f}",
    "wbc": lambda ctx, fmt: f"{R.uniform(11, 24):.1f}",
    "apgar": lambda ctx, fmt: pick(["8/9", "7/9", "9/9", "8/8"]),
    "age_lo": lambda ctx, fmt: str(R.randrange(19, 89)),
    "age_kid": lambda ctx, fmt: str(R.randrange(2, 16)),
    "year": lambda ctx, fmt: str(R.randrange(1995, 2023)),
    "n": lambda ctx, fmt: str(R.randrange(2, 9)),
    "time": lambda ctx, fmt: pick(["0815", "1130", "1400", "2:30 PM", "10:45", "7 am", "noon"]),
    "room": lambda ctx, fmt: pick(["412", "3B", "218-2", "ICU 6", "509"]),
    "state_abbr": lambda ctx, fmt: ctx.place[1],
    "state2": lambda ctx, fmt: ctx.place2[1],
    "rel_word": lambda ctx, fmt: ctx.rel_word,
    "title": title,
    "sex": lambda ctx, fmt: ctx.pt.sex,
    "sex_word": lambda ctx, fmt: "woman" if ctx.pt.sex == "F" else "man",
    "he": lambda ctx, fmt: "she" if ctx.pt.sex == "F" else "he",
    "his": lambda ctx, fmt: "her" if ctx.pt.sex == "F" else "his",
    "language": lambda ctx, fmt: pick(LANGUAGES),
    "drug": lambda ctx, fmt: pick(DRUGS),
    "eponym": lambda ctx, fmt: pick(EPONYMS),
    "job": lambda ctx, fmt: pick(JOBS),
    "weekday": lambda ctx, fmt: pick(WEEKDAYS).lower() if ctx.kind == "chat" else pick(WEEKDAYS),
    "greet": lambda ctx, fmt: pick(["hi", "hello", "hey", "good morning", "hii", "hola"]),
    "generic_place": lambda ctx, fmt: pick(["the hospital", "urgent care", "the ER",
                                            "the nursing home", "rehab", "the clinic",
                                            "the pharmacy", "the dialysis center"]),
}

# --------------------------------------------------------------------------------------------
# Templates.

CHAT = [
    "{greet} im {NAME.pt} and i need to move my appt to {weekday}",
    "this is {NAME.rel_first}, {NAME.pt}'s {rel_word}. can someone call me back",
    "my son {NAME.son} has had a fever of {temp} since last night",
    "thanks {NAME.staff_first}!! that really helped",
    "my daughter {NAME.wf_f} will bring the forms by {weekday}",
    "dr {NAME.wl} said i may take tylenol with it is that right",
    "{NAME.wfull} called about my mom, he is her neighbor and has a key",
    "hope this helps, my {rel_word} {NAME.rel} can sign for me",
    "we live in {CITY.any} now, we moved from {CITY.other} last year",
    "new address is {ADDRESS.unit}, {CITY.any} {state_abbr} {ZIP.any}",
    "pls mail the card to {ADDRESS.pobox} {CITY.any} {state_abbr} {ZIP.any}",
    "we are out on {ADDRESS.rr} past {CITY.any}, no house numbers out here",
    "is the lab at {LOCATION_OTHER.hosp} open saturday or should i just go to urgent care",
    "mom is at {LOCATION_OTHER.nursing} now, the nursing home said to message you",
    "{NAME.pt_nick} here, sugar was {glucose} this morning",
    "hi dr {NAME.doc_last} its {NAME.pt_first} again, the rash is worse",
    "my husband {NAME.hus} has parkinson's disease and the tremor got worse this week",
    "can {NAME.staff_first} call me back at {PHONE.any} after lunch",
    "my wife {NAME.wife} is {AGE.old} and wants the flu shot, can she get it at home",
    "we drove up from {CITY.any} to see dr {NAME.doc_last} at {LOCATION_OTHER.clinic}",
    "{NAME.rel_first} is picking me up after, she has my {drug}",
    "grandpa {NAME.o_greek_m} is in the er at {LOCATION_OTHER.hosp} in {CITY.any}",
    "i live in {COUNTY.any}, is there a clinic closer than {CITY.any}",
    "the white count was high last time should i worry",
    "bp rose to {sbp} this morning should i take another dose",
    "my name is {NAME.pt_mi} dob {DATE.chat_dob}",
    "nurse {NAME.staff_first} said to send a picture of the rash so here it is",
    "hey {NAME.staff_first} it's {NAME.pt}, running 10 min late sorry",
    "can you add my mom {NAME.o_hispanic_f} to my file, she only speaks {language}",
    "i got a letter addressed to {NAME.pt_caps} but thats not how my name is spelled",
    "can you send the referral to {LOCATION_OTHER.clinic} on {ADDRESS.plain} in {CITY.any}",
    "sorry {NAME.doc_first}, i mean dr {NAME.doc_last}, i forgot to ask about my knee",
    "will the bill go to {NAME.rel_first} or to me",
    "hello this is {NAME.pt_native} i call for my result",
    "my grandson {NAME.son} is in town from {CITY.far} and can drive me",
    "my {rel_word} {NAME.rel} flies in from {CITY.far} on {DATE.chat}",
    "do you have a doctor who speaks spanish, my abuela {NAME.o_hispanic_f} only speaks spanish",
    "is dr {NAME.doc_last} in on {weekday}? i may need to see her",
    "the er in {CITY.any} said to follow up with my pcp",
    "i was at {LOCATION_OTHER.clinic} last night, they said bronchitis",
    "{NAME.pt_first}'s mom here, she threw up twice after the vaccine",
    "my dad {NAME.o_polish_m} is {AGE.old} and lives alone in {CITY.any}",
    "is there a grace period for the copay? i get paid friday",
    "can {NAME.wf_m} come in with me, he is my son",
    "i will bring my med list, {NAME.staff_first} asked for it",
    "my friend {NAME.other} recommended dr {NAME.doc_last}",
    "my boss mr {NAME.other_last} needs a note that i was seen",
    "my address on file is wrong, it should be {ADDRESS.plain} not {ADDRESS.unit}",
    "im staying with my sister in {CITY.other} until {DATE.chat}, can the pharmacy there fill it",
    "drew blood tuesday when will the results be in",
    "frank blood in my urine this morning, should i go to the er",
    "my daughter {NAME.dau} passed a kidney stone last night",
    "{NAME.rel} is my emergency contact, number is {PHONE.any}",
    "can i get the shot at {LOCATION_OTHER.pharm} or do i need to come in",
    "{NAME.wf_f} and {NAME.son} both have the flu, can i bring them in together",
    "mi esposo {NAME.hus} tiene cita el {DATE.chat} pero no puede ir",
    "mi hija {NAME.dau} tiene fiebre desde ayer, vivimos en {CITY.any}",
    "the patient is my mother {NAME.o_korean_f}, i am her poa and her son",
    "ms {NAME.staff_last} at the front desk was so kind, pls tell her thanks",
    "we are in {CITY.any} for the summer, we usually live in {CITY.far}",
    "my aunt may come with me, her name is {NAME.rel}",
    "my email changed to {EMAIL.pt}, this is {NAME.pt}",
    "sorry wrong chat lol, meant to text {NAME.other_first}",
    "what is a bishop score, my midwife {NAME.staff} mentioned it",
    "baby {NAME.baby} had apgar {apgar} they said, is that good",
    "my grandma lives near {CITY.any}, her mail goes to {ADDRESS.pobox}",
    "can you fax the forms to {LOCATION_OTHER.nursing} attn {NAME.staff}, fax is {FAX.any}",
    "{greet} its {NAME.pt_first} from {CITY.any}, the one with {eponym}",
    "thanks {NAME.o_hispanic_f} see you {weekday}",
    "tell dr {NAME.wl} thank you, {NAME.wf_f} is doing so much better",
    "i moved to {ADDRESS.unit} in {CITY.other}, same zip {ZIP.any}",
    "my son {NAME.son} needs a sports physical before {DATE.chat}",
    "hi my name is {NAME.pt_lf} and i cant log in",
    "{NAME.rel_first} said dr {NAME.doc_init} wants labs first?",
    "the pharmacist at {LOCATION_OTHER.pharm} said my {drug} is on backorder",
    "my neighbor {NAME.wfull_f} found me on the floor, she called 911",
    "live in {CITY.any} {state_abbr} but work in {CITY.other} {state2}, which clinic is closer",
    "mom ({NAME.o_vietnamese_f}) was moved from {LOCATION_OTHER.hosp} to {LOCATION_OTHER.nursing} today",
    "from {NAME.pt} - is my refill ready",
    "is there a clinic in {COUNTY.any} that takes walk ins, the hospital is too far",
    "my father in law {NAME.o_nigerian_m} is visiting from {CITY.far} and needs a doctor",
    "ty {NAME.staff_first} ❤️",
    "hi yes i am {NAME.pt_first}'s {rel_word}, {NAME.rel}, i have her consent form",
]

NOTE_HEAD = [
    "PT: {NAME.pt_lfm}    DOB: {DATE.dob}    MRN: {MRN.any}",
    "PATIENT: {NAME.pt_lfm}\nROOM: {room}   ATTENDING: {NAME.doc_lfm}",
    "Patient Name: {NAME.pt_lf}   Sex: {sex}   Age: {age_lo}",
    "Name: {NAME.pt_mi}\nAddress: {ADDRESS.unit}\n{CITY.any}, {state_abbr} {ZIP.any}",
    "{NAME.pt_caps} ({sex})  DOB {DATE.dob}",
    "Re: {NAME.pt_lf} (DOB {DATE.dob})",
    "Referred by: Dr. {NAME.doc2}, {LOCATION_OTHER.clinic}, {CITY.other}",
    "PCP: {NAME.doc_lf}, MD",
    "Emergency contact: {NAME.rel} ({rel_word}) {PHONE.any}",
    "Attending: {NAME.doc_ii}, DO    Resident: {NAME.doc2}, MD",
    "Facility: {LOCATION_OTHER.hosp}, {CITY.any}, {state_abbr}",
    "HOME: {ADDRESS.any}, {CITY.any} {state_abbr} {ZIP.any}    COUNTY: {COUNTY.any}",
    "Mailing address: {ADDRESS.pobox}, {CITY.any}, {state_abbr} {ZIP.any}",
    "Preferred name: {NAME.pt_nick}    Interpreter: {language}",
    "Guarantor: {NAME.rel_lf}    Relationship: {rel_word}",
    "Admitted from {LOCATION_OTHER.nursing} via EMS.",
    "Patient: {NAME.pt}    Legal name on ID: {NAME.pt_lfm}",
    "PATIENT NAME: {NAME.pt_caps}\nRESIDENCE: {ADDRESS.rr}, {CITY.any} {state_abbr}",
    "ID: {NAME.pt_init}, {age_lo} {sex}, from {CITY.any} ({COUNTY.any})",
    "Consult requested by {NAME.doc_init} for {eponym}",
]

NOTE_BODY = [
    "{NAME.pt_first} is a {age_lo} y/o {sex_word} with {eponym} here for follow-up.",
    "Accompanied by {rel_word} {NAME.rel_first}, who provides most of the history.",
    "{title} {NAME.pt_last} reports the white count was checked at urgent care last week.",
    "{title} {NAME.pt_last}'s {rel_word} states {he} has been more confused since the move from "
    "{CITY.other}.",
    "WBC rose to {wbc}; will recheck in AM.",
    "Foley catheter removed; voiding without difficulty.",
    "Hx Graves' disease s/p RAI, now hypothyroid on levothyroxine.",
    "Discussed with Dr. {NAME.wl} (cardiology), who agrees with the plan.",
    "Seen by {NAME.doc2}, PA-C, on {DATE.visit}.",
    "Lives with {rel_word} {NAME.rel} at {ADDRESS.any} in {CITY.any}; six stairs to enter.",
    "Transferred from {LOCATION_OTHER.hosp} for a higher level of care.",
    "Discharged to {LOCATION_OTHER.nursing} for short-term rehab.",
    "Will hold {drug}; may restart when creatinine improves.",
    "Hope to transition to oral antibiotics tomorrow.",
    "Daughter {NAME.dau_full} is HCPOA and was updated by phone.",
    "Per son {NAME.son_full} ({PHONE.any}), {he} fell at home on {DATE.visit}.",
    "Called {NAME.staff}, RN at {LOCATION_OTHER.nursing}, to give report.",
    "Case discussed with {NAME.doc_init}, who agrees.",
    "Spoke with the patient's wife {NAME.wife} by phone; she will bring his home meds.",
    "Apgar {apgar}. Baby {NAME.baby} to the newborn nursery with mother.",
    "Parkinson's disease on carbidopa-levodopa, followed by Dr. {NAME.doc2_last} at "
    "{LOCATION_OTHER.clinic}.",
    "Social: moved from {CITY.far} in {year}; worked as a {job}; lives in {COUNTY.any}.",
    "Tobacco: none. EtOH: rare. Lives alone in {CITY.any}.",
    "Hunt and Hess grade II; neurosurgery ({NAME.doc2}) consulted.",
    "Spoke with {NAME.pt_nick} (preferred name) about the plan; {he} agrees.",
    "Interpreter {NAME.staff} used for {language} throughout the visit.",
    "Family at bedside: wife {NAME.wife}, sons {NAME.son} and {NAME.son2}.",
    "Glasgow Coma Scale 15. Homans sign negative. Wood's lamp exam unremarkable.",
    "Lyme titer pending; recent travel to {CITY.far}.",
    "EMS picked the patient up at {ADDRESS.any}, {CITY.any}.",
    "Home health through {LOCATION_OTHER.nursing} resumes on discharge.",
    "Seen at the hospital in {CITY.other} last month; records requested.",
    "Max dose of gabapentin reached; consider duloxetine.",
    "Urine amber, no frank blood. Poison ivy dermatitis on both forearms.",
    "Dr. {NAME.wl} will see the patient in clinic; Dr. {NAME.doc_last} to follow.",
    "The patient's husband {NAME.hus_full} called at {time} asking for an update.",
    "Daughter {NAME.dau} ({PHONE.any}) holds power of attorney.",
    "Hodgkin lymphoma in remission, followed at {LOCATION_OTHER.clinic}.",
    "Resident of {LOCATION_OTHER.nursing} in {CITY.any}, {state_abbr}.",
    "Seen at urgent care in {CITY.any} on {DATE.visit}; no imaging done.",
    "Pt was born in {CITY.far} and came to the US in {year}; family name spelled {NAME.pt_last}.",
    "{NAME.pt_first}'s {rel_word} ({NAME.rel}) reports poor PO intake and {eponym}.",
    "Mr. {NAME.wl}, the patient's neighbor, found him down; EMS called.",
    "Chaplain {NAME.staff} visited; patient finds hope in faith community.",
    "Ambulates with a walker; {he} grew up in {COUNTY.other} and farmed until {year}.",
    "Previously treated at {LOCATION_OTHER.far} before emigrating.",
]

NOTE_SIGN = [
    "Electronically signed by {NAME.doc}, MD on {DATE.visit} {time}",
    "-- {NAME.doc_ii}, DO",
    "{NAME.doc_caps}, MD\nInternal Medicine, {LOCATION_OTHER.hosp}",
    "Signed: {NAME.doc2}, NP-C",
    "cc: Dr. {NAME.doc2}; {NAME.doc_lf}, MD",
    "CC: {NAME.doc2_last} (PCP), {LOCATION_OTHER.clinic}",
    "Dictated by {NAME.doc}, PA-C. Transcribed by {NAME.staff_init}.",
    "Thanks,\n{NAME.staff}\nCare Coordinator, {LOCATION_OTHER.clinic}",
    "{NAME.doc}, RN, BSN",
    "I saw and examined the patient with Dr. {NAME.doc2} and agree with the note. {NAME.doc}, MD",
    "Co-signed: {NAME.doc_lf}, MD {DATE.visit}",
    "Reviewed by {NAME.doc_init}",
    "/s/ {NAME.doc}",
    "cc: {NAME.pt} (patient portal); {NAME.doc2}, MD",
    "Sent to {NAME.doc2} at {LOCATION_OTHER.clinic}, fax {FAX.any}",
    "{NAME.doc} MD MPH | {LOCATION_OTHER.hosp} | {CITY.any}, {state_abbr}",
    "Supervising physician: Dr. {NAME.wl}",
    "Scribe: {NAME.staff}, for Dr. {NAME.doc_last}",
    "{NAME.doc_lfm} MD",
    "Note written by {NAME.staff_first} (scribe) for {NAME.doc}",
]

BILLING = [
    "RE: {NAME.pt_lf}    Account holder: {NAME.rel}",
    "Statement mailed to {ADDRESS.pobox}, {CITY.any}, {state_abbr} {ZIP.any} was returned.",
    "Guarantor {NAME.rel_caps}, {ADDRESS.unit}, {CITY.any} {state_abbr} {ZIP.any}",
    "Please update the address for {NAME.pt_lfm}: {ADDRESS.rr}, {CITY.any} {state_abbr} {ZIP.any}.",
    "Patient {NAME.pt} called disputing the bill from {LOCATION_OTHER.hosp}.",
    "Per {NAME.staff}, the claim was resubmitted to the payer.",
    "Will bill secondary once the EOB is received.",
    "From: {NAME.staff} <{EMAIL.staff}>",
    "To: Billing Office, {LOCATION_OTHER.hosp}\nFrom: {NAME.staff}, {LOCATION_OTHER.clinic}",
    "Provider: {NAME.doc_lfm}    Place of service: {LOCATION_OTHER.any}",
    "Ship supplies to {ADDRESS.any}, {CITY.any}, {state_abbr} {ZIP.any} (c/o {NAME.rel}).",
    "Refund check payable to {NAME.rel_caps}.",
    "Patient deceased per {rel_word} {NAME.rel}; estate handled in {COUNTY.any}.",
    "Financial assistance approved for {NAME.pt_lf}, {COUNTY.any} resident.",
    "cc: {NAME.staff}; {NAME.staff2}",
    "Called {NAME.rel_first} at {PHONE.any}, left a voicemail.",
    "Mark as paid; the second statement was sent in error.",
    "Price estimate requested by {NAME.pt}; self-pay.",
    "Ambulance transport from {ADDRESS.any} to {LOCATION_OTHER.hosp}, {n}2 miles.",
    "Collections hold lifted for {NAME.pt_lfm} per {NAME.staff_init}.",
    "Charity care via {LOCATION_OTHER.clinic}; patient lives in {CITY.any}.",
    "Attn: {NAME.staff}, Patient Accounts, {ADDRESS.plain}, {CITY.other} {state2}",
    "Thanks, {NAME.staff_first}",
    "Payment plan set up with {title.rel} {NAME.rel_last} for {NAME.pt}'s balance.",
]

NEGATIVE = [
    "WBC rose to {wbc} from 9.8; white count trending up, will recheck.",
    "Foley catheter placed for strict I/O.",
    "History of Graves' disease, Parkinson's disease and Bell's palsy.",
    "Apgar {apgar}; birth weight 3.4 kg.",
    "Patient may take acetaminophen 650 mg q6h PRN.",
    "Will bring home medication list to the next visit.",
    "Hope this helps clarify the dosing.",
    "Mark the calendar for an INR check in 1 week.",
    "Frank blood noted on rectal exam; no melena.",
    "Urine amber and cloudy; no gross hematuria.",
    "Max dose reached; add a second agent.",
    "Drew blood cultures x2 before antibiotics.",
    "Kidney stone 4 mm at the UVJ; expect passage.",
    "Glasgow Coma Scale 14 (E4 V4 M6).",
    "Brown-Séquard pattern excluded; Babinski negative.",
    "Patient was sent to the hospital from urgent care.",
    "Discharged home with home health; rehab declined.",
    "Nursing home staff report poor PO intake.",
    "Transferred to the ICU for pressors.",
    "Grace period for prior authorization is 30 days.",
    "Rusty sputum noted; chest x-ray ordered.",
    "Gene panel sent (BRCA1/2).",
    "Iris and lens clear; hazel eyes.",
    "Lyme disease serologies negative; Rocky Mountain spotted fever considered.",
    "Wells score 1.5; D-dimer ordered.",
    "Child-Pugh class B; MELD 14.",
    "Swan-Ganz catheter removed.",
    "Bishop score 8; induction planned.",
    "Austin Flint murmur absent; Kerley B lines on CXR.",
    "Still's disease in remission; Whipple procedure in {year}.",
    "King-size bed at home; fall risk discussed.",
    "Long-acting insulin increased; short-acting unchanged.",
    "Green stool, no blood. Black tarry stools denied.",
    "Young adult with asthma, well controlled.",
    "Stone-free on follow-up CT.",
    "Hill-Sachs lesion on MRI.",
    "The clinic will call with results; the pharmacy has the prescription.",
    "Lives in a rural area, 45 minutes from the nearest hospital.",
    "Dawn phenomenon suspected; fasting glucose {glucose}.",
    "Olive oil drops for ear wax; ginger tea for nausea.",
    "Christmas disease (hemophilia B) in a maternal uncle.",
    "Bed rest on the ward; patient will walk with PT tomorrow.",
    "BP {bp}, HR {hr}, temp {temp}.",
    "Crohn's disease flare; Baker's cyst on the left.",
    "Pat dry after bathing; use a barrier cream.",
    "Joy and hope are low per PHQ-9; sertraline increased.",
    "Sweet urine odor reported; A1c pending.",
    "Small bowel follow-through normal.",
]

NEG_LIGHT = [
    "Discussed with Dr. {NAME.wl}.",
    "Patient lives in {CITY.any}.",
    "Previously seen at {LOCATION_OTHER.hosp}.",
    "Case reviewed with {NAME.doc}, MD.",
]

SLOT = re.compile(r"\{([A-Za-z][A-Za-z0-9_]*)(?:\.([a-z0-9_]+))?\}")


class Deck:
    """Templates drawn without replacement, reshuffled when empty: each is used evenly."""

    def __init__(self, items):
        self.items = list(items)
        self.pile = []

    def draw(self):
        if not self.pile:
            self.pile = self.items[:]
            R.shuffle(self.pile)
        return self.pile.pop()

    def draw_n(self, n):
        out = []
        while len(out) < n:
            t = self.draw()
            if t not in out:
                out.append(t)
        return out


def fill(template, ctx):
    """Expands the slots of `template` into (text, label-or-None) segments."""
    segs = []
    pos = 0
    for m in SLOT.finditer(template):
        if m.start() > pos:
            segs.append((template[pos:m.start()], None))
        name, fmt = m.group(1), m.group(2) or ""
        if name.isupper():
            value = GENERATORS[name](ctx, fmt)
            if ctx.lower and name in PLACE_LABELS:
                value = value.lower()
            segs.append((value, name))
        else:
            segs.append((FILLERS[name](ctx, fmt), None))
        pos = m.end()
    if pos < len(template):
        segs.append((template[pos:], None))
    return segs


def render(doc_id, kind, segs):
    text = ""
    spans = []
    for seg, label in segs:
        if label is not None:
            assert seg and seg == seg.strip(), (doc_id, seg)
            spans.append({"start": len(text), "end": len(text) + len(seg), "label": label,
                          "text": seg})
        text += seg
    for s in spans:
        assert text[s["start"]:s["end"]] == s["text"]
    assert "{" not in text and "}" not in text, (doc_id, text)
    return {"id": doc_id, "kind": kind, "text": text, "spans": spans}


def join(parts, sep):
    out = []
    for i, p in enumerate(parts):
        if i:
            out.append((sep, None))
        out.extend(p)
    return out


DECKS = {name: Deck(items) for name, items in [
    ("chat", CHAT), ("head", NOTE_HEAD), ("body", NOTE_BODY), ("sign", NOTE_SIGN),
    ("billing", BILLING), ("negative", NEGATIVE), ("light", NEG_LIGHT)]}


def make_chat(ctx):
    msgs = [fill(t, ctx) for t in DECKS["chat"].draw_n(pick([1, 1, 2, 2]))]
    return join(msgs, pick([" ", "\n", "  ", ". "]))


def make_note(ctx):
    parts = [DECKS["head"].draw()] + DECKS["body"].draw_n(pick([2, 3])) + [DECKS["sign"].draw()]
    return join([fill(t, ctx) for t in parts], "\n")


def make_billing(ctx):
    return join([fill(t, ctx) for t in DECKS["billing"].draw_n(pick([2, 3]))],
                pick(["\n", " "]))


def make_negative(ctx):
    lines = DECKS["negative"].draw_n(pick([3, 4, 5]))
    if R.random() < 0.3:
        lines.insert(R.randrange(len(lines) + 1), DECKS["light"].draw())
    return join([fill(t, ctx) for t in lines], pick(["\n", " "]))


MAKERS = {"chat": make_chat, "note": make_note, "billing": make_billing,
          "negative": make_negative}


def main():
    docs = []
    for kind, count in COUNTS.items():
        for _ in range(count):
            ctx = Ctx(kind)
            docs.append((kind, MAKERS[kind](ctx)))
    # Kinds interleaved so that the ids do not give the kind away.
    order = list(range(len(docs)))
    R.shuffle(order)
    out = sys.stdout
    for n, i in enumerate(order, 1):
        kind, segs = docs[i]
        out.write(json.dumps(render(f"names-{n:04d}", kind, segs), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
