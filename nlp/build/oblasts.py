"""Ukraine's oblasts as the gazetteer build names them: register name → English, Russian and informal names.

Build-time recipe data (the runtime reads only the built ``places.jsonl``): the register (KATOTTG)
gives oblasts by their Ukrainian adjective; these tables add what it lacks and join GeoNames to it.
"""

from __future__ import annotations

__all__ = ["CRIMEA", "CRIMEA_NAMES", "GEONAMES_ADMIN1_UA", "OBLASTS"]

# GeoNames admin1 codes for Ukraine (FIPS 10-4) → the register's top-level name.
GEONAMES_ADMIN1_UA = {
    "01": "Черкаська", "02": "Чернігівська", "03": "Чернівецька", "04": "Дніпропетровська",
    "05": "Донецька", "06": "Івано-Франківська", "07": "Харківська", "08": "Херсонська",
    "09": "Хмельницька", "10": "Кіровоградська", "11": "Автономна Республіка Крим", "12": "Київ",
    "13": "Київська", "14": "Луганська", "15": "Львівська", "16": "Миколаївська", "17": "Одеська",
    "18": "Полтавська", "19": "Рівненська", "20": "Севастополь", "21": "Сумська",
    "22": "Тернопільська", "23": "Вінницька", "24": "Волинська", "25": "Закарпатська",
    "26": "Запорізька", "27": "Житомирська",
}  # fmt: skip

# Oblast adjective (register) → (English, Russian adjective, informal names in uk/ru/en).
OBLASTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "Вінницька": ("Vinnytsia Oblast", "Винницкая", ("Вінниччина", "Винничина")),
    "Волинська": ("Volyn Oblast", "Волынская", ("Волинь", "Волынь", "Volhynia")),
    "Дніпропетровська": ("Dnipropetrovsk Oblast", "Днепропетровская", ("Дніпропетровщина", "Днепропетровщина")),
    "Донецька": ("Donetsk Oblast", "Донецкая", ("Донеччина", "Донетчина")),
    "Житомирська": ("Zhytomyr Oblast", "Житомирская", ("Житомирщина",)),
    "Закарпатська": ("Zakarpattia Oblast", "Закарпатская", ("Закарпаття", "Закарпатье", "Transcarpathia")),
    "Запорізька": ("Zaporizhzhia Oblast", "Запорожская", ("Запорізька обл.",)),
    "Івано-Франківська": ("Ivano-Frankivsk Oblast", "Ивано-Франковская", ("Прикарпаття", "Прикарпатье")),
    "Київська": ("Kyiv Oblast", "Киевская", ("Київщина", "Киевщина")),
    "Кіровоградська": ("Kirovohrad Oblast", "Кировоградская", ("Кіровоградщина", "Кировоградщина")),
    "Луганська": ("Luhansk Oblast", "Луганская", ("Луганщина",)),
    "Львівська": ("Lviv Oblast", "Львовская", ("Львівщина", "Львовщина")),
    "Миколаївська": ("Mykolaiv Oblast", "Николаевская", ("Миколаївщина", "Николаевщина")),
    "Одеська": ("Odesa Oblast", "Одесская", ("Одещина", "Одесщина")),
    "Полтавська": ("Poltava Oblast", "Полтавская", ("Полтавщина",)),
    "Рівненська": ("Rivne Oblast", "Ровенская", ("Рівненщина", "Ровенщина")),
    "Сумська": ("Sumy Oblast", "Сумская", ("Сумщина",)),
    "Тернопільська": ("Ternopil Oblast", "Тернопольская", ("Тернопільщина", "Тернопольщина")),
    "Харківська": ("Kharkiv Oblast", "Харьковская", ("Харківщина", "Харьковщина")),
    "Херсонська": ("Kherson Oblast", "Херсонская", ("Херсонщина",)),
    "Хмельницька": ("Khmelnytskyi Oblast", "Хмельницкая", ("Хмельниччина", "Хмельнитчина")),
    "Черкаська": ("Cherkasy Oblast", "Черкасская", ("Черкащина", "Черкасщина")),
    "Чернівецька": ("Chernivtsi Oblast", "Черновицкая", ("Буковина", "Bukovina")),
    "Чернігівська": ("Chernihiv Oblast", "Черниговская", ("Чернігівщина", "Черниговщина")),
}
CRIMEA = "Автономна Республіка Крим"
CRIMEA_NAMES = (
    "Autonomous Republic of Crimea",
    "Автономная Республика Крым",
    ("Крим", "Крым", "Crimea", "АРК", "АР Крим", "Республика Крым", "Кримський півострів",
     "Крымский полуостров", "Crimean Peninsula"),
)  # fmt: skip
