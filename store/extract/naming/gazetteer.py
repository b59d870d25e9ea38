"""General world knowledge for the built-in name finder: places, demonyms, organisation and person cues.

Everything here is common knowledge (countries, capitals, big cities, regions, common given names,
corporate suffixes, titles). Lists are written as ``|``-separated strings and read once at import.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

# Name-shape lists (products, events, numbers and abbreviations inside names) live in their own module.
from dateline.store.extract.naming.gazetteer_shapes import (DIVISION_WORDS, EVENT_TAILS, KNOWN_PRODUCTS, MONTHS,  # noqa: F401
                                                            NON_PRODUCT_HEADS, NOT_NAME_ABBREVIATIONS, NUMBER_HEADS,
                                                            ORDINAL_HEADS, POSSESSIVE_BRANDS, STATE_ABBREVIATIONS,
                                                            MISSION_HEADS, SITE_HEADS)


def _split(block: str) -> list[str]:
    return [w.strip() for w in block.replace("\n", "|").split("|") if w.strip()]


# canonical country = alias, alias ... ; demonym(s) after the colon
_COUNTRIES = """
Afghanistan:Afghan|Albania:Albanian|Algeria:Algerian|Andorra:Andorran|Angola:Angolan|Argentina:Argentine,Argentinian
Armenia:Armenian|Australia:Australian|Austria:Austrian|Azerbaijan:Azerbaijani|Bahamas:Bahamian|Bahrain:Bahraini
Bangladesh:Bangladeshi|Barbados:Barbadian|Belarus:Belarusian|Belgium:Belgian|Belize:Belizean|Benin:Beninese
Bhutan:Bhutanese|Bolivia:Bolivian|Bosnia and Herzegovina=Bosnia:Bosnian|Botswana:Botswanan|Brazil:Brazilian
Brunei:Bruneian|Bulgaria:Bulgarian|Burkina Faso:Burkinabe|Burundi:Burundian|Cambodia:Cambodian
Cameroon:Cameroonian|Canada:Canadian|Cape Verde:Cape Verdean|Chad:Chadian|Chile:Chilean|China=PRC,Mainland China:Chinese
Colombia:Colombian|Comoros:Comoran|Congo=DRC,Democratic Republic of the Congo:Congolese|Costa Rica:Costa Rican
Croatia:Croatian|Cuba:Cuban|Cyprus:Cypriot|Czech Republic=Czechia:Czech|Denmark:Danish,Dane|Djibouti:Djiboutian
Dominican Republic:Dominican|Ecuador:Ecuadorian|Egypt:Egyptian|El Salvador:Salvadoran|Eritrea:Eritrean
Estonia:Estonian|Ethiopia:Ethiopian|Fiji:Fijian|Finland:Finnish,Finn|France:French|Gabon:Gabonese|Gambia:Gambian
Georgia:Georgian|Germany:German|Ghana:Ghanaian|Greece:Greek|Guatemala:Guatemalan|Guinea:Guinean|Guyana:Guyanese
Haiti:Haitian|Honduras:Honduran|Hungary:Hungarian|Iceland:Icelandic|India:Indian|Indonesia:Indonesian
Iran:Iranian|Iraq:Iraqi|Ireland=Republic of Ireland:Irish|Israel:Israeli|Italy:Italian|Ivory Coast=Côte d'Ivoire:Ivorian
Jamaica:Jamaican|Japan:Japanese|Jordan:Jordanian|Kazakhstan:Kazakh|Kenya:Kenyan|Kosovo:Kosovar|Kuwait:Kuwaiti
Kyrgyzstan:Kyrgyz|Laos:Laotian|Latvia:Latvian|Lebanon:Lebanese|Lesotho:Basotho|Liberia:Liberian|Libya:Libyan
Liechtenstein|Lithuania:Lithuanian|Luxembourg:Luxembourgish|Madagascar:Malagasy|Malawi:Malawian|Malaysia:Malaysian
Maldives:Maldivian|Mali:Malian|Malta:Maltese|Mauritania:Mauritanian|Mauritius:Mauritian|Mexico:Mexican
Moldova:Moldovan|Monaco:Monegasque|Mongolia:Mongolian|Montenegro:Montenegrin|Morocco:Moroccan
Mozambique:Mozambican|Myanmar=Burma:Burmese|Namibia:Namibian|Nepal:Nepalese,Nepali|Netherlands=Holland:Dutch
New Zealand:New Zealander|Nicaragua:Nicaraguan|Niger:Nigerien|Nigeria:Nigerian|North Korea=DPRK:North Korean
North Macedonia=Macedonia:Macedonian|Norway:Norwegian|Oman:Omani|Pakistan:Pakistani|Palestine=Palestinian Territories:Palestinian
Panama:Panamanian|Papua New Guinea|Paraguay:Paraguayan|Peru:Peruvian|Philippines:Filipino,Philippine
Poland:Polish,Pole|Portugal:Portuguese|Qatar:Qatari|Romania:Romanian|Russia=Russian Federation:Russian
Rwanda:Rwandan|Saudi Arabia:Saudi|Senegal:Senegalese|Serbia:Serbian|Sierra Leone:Sierra Leonean
Singapore:Singaporean|Slovakia:Slovak|Slovenia:Slovenian|Somalia:Somali|South Africa:South African
South Korea=Korea,Republic of Korea:South Korean,Korean|South Sudan:South Sudanese|Spain:Spanish,Spaniard
Sri Lanka:Sri Lankan|Sudan:Sudanese|Suriname:Surinamese|Sweden:Swedish,Swede|Switzerland:Swiss|Syria:Syrian
Taiwan:Taiwanese|Tajikistan:Tajik|Tanzania:Tanzanian|Thailand:Thai|Togo:Togolese|Trinidad and Tobago:Trinidadian
Tunisia:Tunisian|Turkey=Turkiye:Turkish,Turk|Turkmenistan:Turkmen|Uganda:Ugandan|Ukraine:Ukrainian
United Arab Emirates=UAE,U.A.E.:Emirati|United Kingdom=UK,U.K.,Britain,Great Britain:British,Briton
United States=US,U.S.,USA,U.S.A.,America,United States of America:American|Uruguay:Uruguayan
Uzbekistan:Uzbek|Venezuela:Venezuelan|Vietnam=Viet Nam:Vietnamese|Yemen:Yemeni|Zambia:Zambian|Zimbabwe:Zimbabwean
Vatican City=Vatican|Hong Kong|Macau=Macao|Puerto Rico:Puerto Rican|Greenland|Scotland:Scottish,Scot
England:English|Wales:Welsh|Northern Ireland|Catalonia:Catalan|Tibet:Tibetan|Crimea|Gaza|West Bank|Kurdistan:Kurdish
"""

_REGIONS = """
Europe:European|Asia:Asian|Africa:African|North America:North American|South America:South American
Latin America:Latin American|Central America:Central American|Middle East:Middle Eastern|Antarctica|Arctic
Oceania|Eurasia|Caribbean|Scandinavia:Scandinavian|Balkans|Baltics|Southeast Asia:Southeast Asian|East Asia
South Asia|Central Asia|Western Europe|Eastern Europe:Eastern European|Persian Gulf|Gulf|Pacific|Atlantic
Pacific Ocean|Atlantic Ocean|Indian Ocean|Mediterranean|Mediterranean Sea|Black Sea|Red Sea|Baltic Sea
South China Sea|North Sea|Caspian Sea|Sahara|Siberia|Himalayas|Alps|Amazon River|Nile|Yangtze|Mississippi River
European Union=EU,E.U.|Eurozone=euro zone|Silicon Valley|Midwest|New England|Sub-Saharan Africa|Horn of Africa
Korean Peninsula|Taiwan Strait|Strait of Hormuz|Suez Canal|Panama Canal|Persian Gulf
"""

_STATES_AND_PROVINCES = """
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana
Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana
Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York State|North Carolina|North Dakota|Ohio|Oklahoma
Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia
Washington State|West Virginia|Wisconsin|Wyoming|District of Columbia
Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland
Queensland|New South Wales|Victoria|Tasmania|Bavaria|Lombardy|Andalusia|Guangdong|Sichuan|Xinjiang|Hubei
Zhejiang|Jiangsu|Fujian|Shandong|Punjab|Kashmir|Bengal|Maharashtra|Kerala|Gujarat|Tamil Nadu|Karnataka
Donbas|Donetsk|Luhansk|Kharkiv|Chechnya|Darfur|Kurdistan|Patagonia|Siberia|Yukon|Texas|Sinai|Golan Heights
"""

_CITIES = """
New York|New York City|Washington|Washington, D.C.|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio
San Diego|Dallas|San Jose|Austin|Jacksonville|San Francisco|Columbus|Fort Worth|Indianapolis|Charlotte|Seattle
Denver|Boston|Detroit|Nashville|Memphis|Portland|Las Vegas|Louisville|Baltimore|Milwaukee|Albuquerque|Tucson
Fresno|Sacramento|Kansas City|Atlanta|Miami|Oakland|Minneapolis|Tulsa|Cleveland|New Orleans|Tampa|Honolulu
Pittsburgh|Cincinnati|St. Louis|Saint Louis|Orlando|Salt Lake City|Anchorage|Long Beach|Seattle|Palo Alto
Cupertino|Mountain View|Redmond|Menlo Park|Santa Clara|Hollywood|Manhattan|Brooklyn|Wall Street|Dearborn
Toronto|Montreal|Vancouver|Ottawa|Calgary|Edmonton|Mexico City|Guadalajara|Monterrey|Havana|Bogotá|Lima
Caracas|Quito|Santiago|Buenos Aires|Montevideo|São Paulo|Rio de Janeiro|Brasília|La Paz|Asunción|Panama City
London|Manchester|Birmingham|Liverpool|Leeds|Glasgow|Edinburgh|Cardiff|Belfast|Bristol|Oxford|Cambridge
Dublin|Cork|Paris|Marseille|Lyon|Toulouse|Nice|Bordeaux|Strasbourg|Lille|Berlin|Hamburg|Munich|Frankfurt
Cologne|Stuttgart|Düsseldorf|Bonn|Leipzig|Dresden|Hanover|Wolfsburg|Vienna|Zürich|Geneva|Bern|Basel|Davos
Lausanne|Brussels|Antwerp|Amsterdam|Rotterdam|The Hague|Luxembourg City|Madrid|Barcelona|Valencia|Seville
Bilbao|Lisbon|Porto|Rome|Milan|Naples|Turin|Florence|Venice|Genoa|Bologna|Athens|Thessaloniki|Copenhagen
Stockholm|Oslo|Helsinki|Reykjavík|Warsaw|Kraków|Prague|Budapest|Bratislava|Bucharest|Sofia|Belgrade|Zagreb
Ljubljana|Sarajevo|Tirana|Skopje|Kiev|Kyiv|Odessa|Minsk|Vilnius|Riga|Tallinn|Moscow|St. Petersburg|Saint Petersburg
Novosibirsk|Vladivostok|Chisinau|Tbilisi|Yerevan|Baku|Istanbul|Ankara|Izmir|Nicosia|Beirut|Damascus|Aleppo
Amman|Jerusalem|Tel Aviv|Baghdad|Basra|Mosul|Tehran|Riyadh|Jeddah|Mecca|Medina|Dubai|Abu Dhabi|Doha|Manama
Muscat|Kuwait City|Sanaa|Aden|Cairo|Alexandria|Tripoli|Benghazi|Tunis|Algiers|Rabat|Casablanca|Khartoum
Addis Ababa|Nairobi|Mogadishu|Kampala|Kigali|Dar es Salaam|Lusaka|Harare|Maputo|Johannesburg|Cape Town|Pretoria
Durban|Lagos|Abuja|Accra|Dakar|Bamako|Kinshasa|Luanda|Kabul|Kandahar|Islamabad|Karachi|Lahore|New Delhi|Delhi
Mumbai|Bombay|Kolkata|Calcutta|Chennai|Madras|Bangalore|Bengaluru|Hyderabad|Ahmedabad|Pune|Dhaka|Kathmandu
Colombo|Beijing|Peking|Shanghai|Guangzhou|Shenzhen|Tianjin|Chongqing|Chengdu|Wuhan|Nanjing|Mars|Venus|Jupiter|Saturn|Hangzhou|Xi'an
Harbin|Shenyang|Dalian|Qingdao|Xiamen|Lhasa|Urumqi|Taipei|Kaohsiung|Tokyo|Osaka|Kyoto|Yokohama|Nagoya|Kobe
Sapporo|Fukuoka|Hiroshima|Nagasaki|Fukushima|Sendai|Okinawa|Seoul|Busan|Incheon|Pyongyang|Ulaanbaatar
Hanoi|Ho Chi Minh City|Saigon|Bangkok|Chiang Mai|Phuket|Phnom Penh|Vientiane|Yangon|Rangoon|Naypyidaw
Kuala Lumpur|Jakarta|Bali|Surabaya|Manila|Cebu|Canberra|Sydney|Melbourne|Brisbane|Perth|Adelaide|Auckland
Wellington|Christchurch|Suva|Astana|Almaty|Tashkent|Bishkek|Dushanbe|Ashgabat|Gdansk|Marseilles|Bruges
Łódź|Wrocław|Poznań|Gothenburg|Malmö|Antalya|Medellín|Cali|Guayaquil|Córdoba|Rosario|Curitiba|Belo Horizonte
Recife|Fortaleza|Porto Alegre|Marrakech|Mombasa|Kano|Ibadan|Abidjan|Douala|Chittagong|Peshawar|Quetta|Srinagar
Jaipur|Lucknow|Kanpur|Nagpur|Surat|Patna|Varanasi|Bhopal|Mandalay|Da Nang|Haiphong|Penang|Davao|Medan|Bandung
Yogyakarta|Darwin|Hobart|Quebec City|Winnipeg|Halifax|Tijuana|Cancún|San Juan|Santo Domingo|Kingston
Port-au-Prince|Managua|Tegucigalpa|San Salvador|Guatemala City|Odesa|Lviv|Dnipro|Zaporizhzhia|Mariupol|Kherson
"""

# Title words that make the next name a person; kept as the mention's role. Lower-case match.
PERSON_TITLES = frozenset(_split("""
president|vice president|prime minister|deputy prime minister|minister|foreign minister|finance minister
secretary|secretary of state|secretary-general|premier|vice premier|chancellor|governor|senator|sen.|rep.
representative|congressman|congresswoman|lawmaker|mayor|judge|justice|chief justice|magistrate|prosecutor
attorney general|attorney|lawyer|ceo|cfo|coo|cto|chief executive|chief executive officer|chief operating officer
chief financial officer|chairman|chairwoman|chair|chairperson|director|managing director|spokesman|spokeswoman
spokesperson|press secretary|analyst|adviser|advisor|economist|strategist|ambassador|envoy|negotiator|king|queen|prince
princess|crown prince|emperor|pope|general|gen.|colonel|col.|lieutenant|lt.|captain|capt.|major|sergeant
sgt.|admiral|commander|commissioner|chief|officer|leader|founder|co-founder|cofounder|head|professor|prof.
speaker|treasurer|coach|manager|editor|reporter|correspondent|executive|president-elect|dictator|sheikh|emir
bishop|archbishop|cardinal|rabbi|imam|inspector|detective|deputy|official|diplomat|vice-president|vice chairman
boss|trader|investor|banker|researcher|scientist|author|actor|actress|singer|player|striker|pilot|designer
midfielder|defender|goalkeeper|winger|forward|quarterback|pitcher|batsman|bowler|jockey|driver|rider|skipper
majority leader|minority leader|majority whip|minority whip|whip|sens.|reps.
"""))

# The titles as one regex alternation, longest first (for "analyst Jane Doe" and ", the chief executive").
TITLES_RE = "|".join(re.escape(t) for t in sorted(PERSON_TITLES, key=len, reverse=True))

# Honorifics: a strong person cue, not a role.
HONORIFICS = frozenset(_split("Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Miss|Dr|Dr.|Sir|Dame|Lord|Lady|Rev.|Reverend|Mx."))

# Generational and professional suffixes that may end a person's name.
NAME_SUFFIXES = frozenset(_split("Jr.|Jr|Sr.|Sr|II|III|IV"))

# Corporate suffixes after which an all-caps word is a ticker ("General Motors Co. GM").
CORP_SUFFIXES = frozenset(_split("""
Inc|Inc.|Corp|Corp.|Co|Co.|Ltd|Ltd.|LLC|L.L.C.|PLC|Plc|plc|NV|N.V.|AG|SA|S.A.|SpA|S.p.A.|GmbH|SE|AB|ASA|Oyj
KK|BV|B.V.|LP|L.P.|LLP|Bhd|Tbk|Holdings|Group|Incorporated|Corporation|Company|Limited
"""))

# Words that make a capitalised sequence an organisation wherever they stand in it.
ORG_WORDS = frozenset(_split("""
Inc|Inc.|Corp|Corp.|Co.|Ltd|Ltd.|LLC|PLC|Plc|plc|NV|N.V.|AG|SA|S.A.|SpA|GmbH|Group|Holdings|Holding|Bank|Bancorp
Airlines|Airline|Airways|Air Lines|Air|Aircraft|Airplanes|Automobiles|Cars|Motors|Motor|Systems|Technologies|Technology|Partners|Capital|Management|Fund
Trust|Association|Federation|Union|University|College|Institute|School|Academy|Hospital|Clinic|Ministry
Department|Agency|Office|Bureau|Commission|Committee|Council|Court|Tribunal|Party|Parliament|Senate|Congress
Assembly|Army|Navy|Air Force|Marines|Police|Reserve|Administration|Authority|Board|Corporation|Company
Foundation|Society|Organization|Organisation|News|Times|Post|Journal|Press|Herald|Gazette|Tribune|Telegraph
Communications|Media|Network|Networks|Broadcasting|Club|FC|League|Exchange|Services|Energy|Petroleum
Pharmaceuticals|Pharma|Electric|Electronics|Industries|Enterprises|Labs|Laboratories|Studios|Records
Entertainment|Insurance|Securities|Investments|Ventures|Motors|Automotive|Aerospace|Aviation|Steel|Mining
Resources|Chemicals|Foods|Brands|Stores|Markets|Solutions|Software|Semiconductor|Telecom|Railways|Railway
Shipping|Logistics|Cabinet|Ministry|Government|Directorate|Coalition|Alliance|Movement|Front|Brigade
Corps|Guard|Command|Forces|Staff|Secretariat|Treasury|Mint|Reserve Bank|Central Bank|Inc.,|Commerce
Church|Diocese|Archdiocese|Synagogue|Mosque|Temple|Mission|Ministries
"""))

# Heads that may take "of ..." inside one name ("Bank of America", "University of Chicago").
OF_HEADS = frozenset(_split("""
Bank|University|College|Institute|School|Ministry|Department|Secretary|Minister|Office|Bureau|Board|Court
Council|Committee|Commission|Federation|Association|Union|Society|Academy|Museum|Church|Republic|Kingdom
State|States|City|Province|District|County|Isle|Isles|Island|Islands|Gulf|Bay|Sea|Strait|Cape|Port|Duke
Prince|Princess|King|Queen|House|Chamber|Federal Reserve Bank|Government|Center|Centre|Fund|Organization
Organisation|Agency|Administration|Authority|Party|Chief|Director|Governor|Prime Minister|President|Secretary
Commonwealth|Sultanate|Emirate|Principality|Order|Army|Navy|Division|Police|Coast|Straits|Lake|Mount
"""))

# Well-known organisations from general knowledge: news agencies, international bodies, state institutions.
KNOWN_ORGS = frozenset(_split("""
Reuters|Associated Press|AP|AFP|Agence France-Presse|Bloomberg|Xinhua|Kyodo|Yonhap|Interfax|TASS|BBC|CNN|CNBC
Fox News|NPR|Al Jazeera|NASA|NATO|UN|U.N.|United Nations|WTO|IMF|World Bank|OPEC|FBI|CIA|NSA|Pentagon
White House|Kremlin|Congress|Senate|House of Representatives|Supreme Court|Federal Reserve|Fed|SEC|FDA|EPA
FAA|IRS|European Commission|European Parliament|ECB|European Central Bank|WHO|World Health Organization
UNICEF|Red Cross|Interpol|Bank of England|Bank of Japan|Downing Street|Elysee|Bundestag|Duma|G7|G8|G20
ASEAN|African Union|Arab League|Hamas|Hezbollah|Taliban|Al-Qaeda|Islamic State|ISIS|Democrats|Republicans
Labour|Conservatives|Tories|Benzinga|Dow Jones Newswires|Wall Street Journal|New York Times|Financial Times
Washington Post|The Economist|Nikkei|Greenpeace|Amnesty International|Human Rights Watch|Olympic Committee
"""))  # extended below with companies named after people
# Companies named like people ("Morgan Stanley", "Charles Schwab"): a given name first would make them persons.
KNOWN_ORGS = KNOWN_ORGS | frozenset(_split("""
Morgan Stanley|Wells Fargo|Charles Schwab|Walt Disney|Dow Jones|JPMorgan|JP Morgan|J.P. Morgan|Goldman Sachs
Merrill Lynch|Lehman Brothers|Johnson & Johnson|Procter & Gamble|Ernst & Young|Marks & Spencer|Dolce & Gabbana
Harley-Davidson|Rolls-Royce|Hewlett-Packard|Ralph Lauren|Calvin Klein|Tommy Hilfiger|Louis Vuitton|Christian Dior
Estee Lauder|Berkshire Hathaway|Thomson Reuters|Edward Jones|Raymond James|John Deere|Levi Strauss|Baker Hughes
Jack Daniel's|Warner Bros|Warner Bros.|Warner Music|Charles River|Philip Morris|Lockheed Martin|Marriott
Kraft Heinz|Sherwin-Williams|Jefferies|Andreessen Horowitz|Allen & Overy|Clifford Chance|Baker McKenzie
"""))

# Words that are never entities on their own (capitalised only because they open a sentence or a label).
NOT_NAMES = frozenset(w.lower() for w in _split("""
Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun
January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul
Aug|Sep|Sept|Oct|Nov|Dec|Today|Tomorrow|Yesterday|Tonight|Spring|Summer|Autumn|Fall|Winter|Christmas|Easter
I|Me|My|Mine|We|Us|Our|Ours|You|Your|Yours|He|Him|His|She|Her|Hers|It|Its|They|Them|Their|Theirs|This|That
These|Those|Who|Whom|Whose|What|Which|When|Where|Why|How|Whatever|Whoever|The|A|An|And|But|Or|Nor|So|Yet|For
If|Then|Than|Because|Although|Though|While|Whilst|Unless|Until|Since|As|At|By|In|On|Of|Off|Out|Up|Down|To|From
With|Without|Within|Into|Onto|Upon|About|Above|Below|Over|Under|After|Before|During|Between|Among|Amid|Across
Against|Along|Around|Behind|Beyond|Despite|Except|Inside|Outside|Through|Throughout|Toward|Towards|Via|Per
However|Moreover|Meanwhile|Furthermore|Nevertheless|Nonetheless|Therefore|Thus|Hence|Instead|Still|Also
Already|Again|Even|Just|Only|Perhaps|Maybe|Indeed|Certainly|Clearly|Currently|Recently|Finally|Later|Earlier
Now|Then|Here|There|Once|Year|Years|Month|Months|Week|Weeks|Day|Days|Quarter
Million|Billion|Trillion|Thousand|Hundred|Percent|UTC|GMT|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|AM|PM|Soon|Often|Sometimes|Never|Always|Overall|Additionally|Similarly|Likewise|Otherwise
Current|Both|Each|Every|All|Any|Some|Many|Much|More|Most|Few|Several|Other|Others|Another|Such|No|Not|None
Neither|Either|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|First|Second|Third|Last|Next|Former
Is|Are|Was|Were|Be|Been|Being|Has|Have|Had|Do|Does|Did|Will|Would|Shall|Should|Can|Could|May|Might|Must
Yes|Oh|Please|Thanks|Someone|Anyone|Everyone|Nobody|Somebody|Anybody|Everybody|Something|Anything
Everything|Nothing|Elsewhere|Separately|Afterwards|Overseas|Nationwide|Together|Anyway|According|Including|Following|Regarding|Like|Unlike|Whether|Nearly|Earlier|Later|Late
Early|Happened|Matters|Takeaways|Overview|Context|Analysis|Opinion|Comment|Outlook|Details
"""))

# Capitalised common words that are not a name alone, nor at the head of one when they open a sentence.
WEAK_WORDS = frozenset(w.lower() for w in _split("""
Current|Both|Analysts|Officials|Experts|Investors|Shares|Stocks|Markets|Sales|Prices|Exports|Imports|Data
Reports|Sources|Top|Key|Big|Major|Global|Local|National|International|Federal|State|Breaking|Update|Updated
Note|Related|Read|See|Watch|Photo|Video|Source|Summary|Background|Bottom|Line|Next|Chief|Executive|Officer
Senior|Junior|Deputy|Acting|Interim|Government|Company|Group|Minister|Ministers|Department|Ministry|Agency
Court|Police|Army|Officials|Authorities|Parliament|Congress|Senate|Bank|University|Party|Committee|Board
Council|Commission|Office|Union|Airport|City|Street|Market|Stock|Index|Economy|Trade|Talks|Deal|Crisis|War
New|Old|People|Company|Companies|Firm|Firms|Industry|Business|Report|Statement|News|World|Earth|Internet|Web
"""))

# Last words that make a capitalised sequence a place ("Chiang Mai International Airport", "Gulf Coast").
PLACE_WORDS = frozenset(_split("""
City|County|Province|Prefecture|Region|District|Island|Islands|River|Lake|Mountain|Mountains|Valley|Airport
Bay|Sea|Ocean|Street|Avenue|Square|Bridge|Canal|Peninsula|Desert|Coast|Hills|Heights|Harbor|Harbour|Strait
Gulf|Mount|Falls|Beach|Plaza|Park|Stadium|Arena|Forest|Plain|Plains|Basin|Delta|Highway|Road|Boulevard|Township|Village
"""))

# Institutions that a place name may head ("United States Senate" = the place + the Senate).
STATE_BODIES = frozenset(_split("""
Government|Senate|Congress|Parliament|Army|Navy|Air Force|Marines|Marine Corps|Coast Guard|Police|Military
Supreme Court|Treasury|Embassy|Consulate|Cabinet|Administration|Armed Forces|Foreign Ministry|Defense Ministry
Defence Ministry|Federal Government|Government's|House|House of Representatives|Legislature
"""))

# Department words inside a title ("Defense Secretary", "Commerce Secretary"): part of the role, not a name.
DEPARTMENTS = frozenset(_split("""
Commerce|Treasury|Defense|Defence|Trade|State|Justice|Labor|Labour|Energy|Health|Education|Interior|Agriculture
Transportation|Transport|Finance|Foreign|Home|Economy|Economic|Environment|Housing|Homeland Security|Culture
Tourism|Industry|Communications|Press|Information|Immigration|Security|Foreign Affairs|Internal Affairs|Vice
"""))

# First words of named storms and similar events, typed EVENT ("Hurricane Beryl").
EVENT_HEADS = frozenset(_split("Hurricane|Typhoon|Cyclone|Tropical Storm|Storm|Operation"))
# Lower-case nouns that make the name before them a place ("Heathrow airport").
PLACE_NOUNS = frozenset(_split("airport|river|lake|island|islands|province|prefecture|county|valley|mountains|district|region"))

# Endings of common nouns and adjectives: such a word opening a sentence is no name ("Bankruptcy for ...").
COMMON_ENDINGS = tuple(_split("ity|tion|sion|ment|ness|ism|ical"))
# Endings that mark a common word only when a clause goes on after it ("Citing the report", "Elsewhere, ...").
CLAUSE_ENDINGS = tuple(_split("ing|ed|ly|where|wise|ward|wards|cy|ial|ure|ive|ous|ful|less|able|ible|ance|ence"))

# Prefixes of hyphenated words that are no name ("Pre-orders", "Anti-war").
HYPHEN_PREFIXES = frozenset(_split("pre|post|anti|non|ex|co|re|mid|multi|self|semi|sub|super|ultra|over|under|cross|inter|intra"))

# Direction words that keep a place a place ("Southern California", "Northern Ireland").
DIRECTIONS = frozenset(_split("""
North|South|East|West|Northern|Southern|Eastern|Western|Central|Northeast|Northwest|Southeast|Southwest
Greater|Upper|Lower|Inner|Outer|Mid|Downtown|Metropolitan|Rural|Coastal
"""))

# Common given names (many languages): a first word in this set makes a sequence a person.
GIVEN_NAMES = frozenset(_split("""
Aaron|Abdul|Abdullah|Abraham|Adam|Adrian|Ahmed|Ahmad|Aisha|Alan|Albert|Alberto|Alejandro|Alex|Alexander|Alexandra
Alexei|Alexey|Alfred|Ali|Alice|Alicia|Alison|Allen|Amanda|Amber|Amy|Ana|Anderson|Andre|Andrea|Andreas|Andrew|Andrei
Andrey|Andy|Angela|Angelo|Angus|Ann|Anna|Anne|Annie|Anthony|Antoine|Antonio|Anton|Arnold|Arthur|Ashley|Barack|Barbara
Barry|Bashar|Ben|Benjamin|Bernard|Bernie|Beth|Betty|Bill|Billy|Bob|Bobby|Boris|Brad|Bradley|Brandon|Brenda|Brent
Brian|Bruce|Bruno|Bryan|Carl|Carla|Carlos|Carol|Caroline|Catherine|Cathy|Charles|Charlie|Charlotte|Chris|Christian
Christina|Christine|Christopher|Chuck|Cindy|Claire|Claude|Claudia|Colin|Craig|Cynthia|Dan|Daniel|Daniela|Danny
Darren|Dave|David|Dean|Debbie|Deborah|Denis|Dennis|Derek|Diana|Diane|Dick|Diego|Dmitri|Dmitry|Dominic|Don|Donald
Donna|Doug|Douglas|Duncan|Dylan|Ed|Eddie|Edward|Elena|Elizabeth|Ellen|Emily|Emma|Emmanuel|Eric|Erik|Ernest|Eugene
Eva|Evan|Fabio|Felipe|Felix|Fernando|Fiona|Francesco|Francis|Francisco|Frank|Franz|Fred|Frederick|Fritz|Gabriel
Gary|Gavin|Geoffrey|George|Georg|Gerald|Gerhard|Giovanni|Giuseppe|Glenn|Gordon|Graham|Greg|Gregory|Hans|Harold
Harry|Hassan|Heather|Heinz|Helen|Helmut|Henry|Herbert|Hillary|Howard|Hugh|Hugo|Hussein|Ian|Igor|Isabel|Ivan|Jack
Jacob|Jacques|Jake|James|Jamie|Jan|Jane|Janet|Jason|Javier|Jay|Jean|Jeff|Jeffrey|Jennifer|Jeremy|Jerome|Jerry
Jessica|Jim|Jimmy|Joan|Joe|Joel|Johann|Johannes|John|Johnny|Jon|Jonathan|Jorge|Jose|Joseph|Josh|Joshua|Juan
Judith|Judy|Julia|Julian|Julie|Justin|Karen|Karl|Kate|Katherine|Kathleen|Kathryn|Keith|Kelly|Ken|Kenneth|Kevin
Kim|Klaus|Kurt|Kyle|Larry|Laura|Lauren|Lawrence|Lee|Leo|Leon|Leonard|Lewis|Linda|Lisa|Liz|Louis|Louise|Luca|Lucas
Luis|Luke|Lynn|Marc|Marco|Marcus|Margaret|Maria|Marie|Mario|Mark|Martin|Mary|Matt|Matthew|Maurice|Max|Megan|Melissa
Michael|Michel|Michelle|Miguel|Mike|Mikhail|Mohamed|Mohammed|Muhammad|Nancy|Natalie|Nathan|Neil|Nicholas|Nick
Nicola|Nicolas|Nicole|Nigel|Nikolai|Noah|Norman|Olga|Oliver|Olivia|Omar|Oscar|Pablo|Pamela|Patricia|Patrick|Paul
Paula|Pedro|Peter|Philip|Philippe|Phil|Pierre|Rachel|Rafael|Ralph|Randy|Raul|Ray|Raymond|Rebecca|Richard|Rick
Rob|Robert|Roberto|Robin|Roger|Roland|Ron|Ronald|Rose|Ross|Roy|Russell|Ruth|Ryan|Sam|Samuel|Sandra|Sandy|Sara
Sarah|Scott|Sean|Sebastian|Sergei|Sergey|Shane|Sharon|Shawn|Sheila|Simon|Sophie|Stefan|Stephanie|Stephen|Steve
Steven|Stuart|Susan|Suzanne|Tanya|Ted|Teresa|Terry|Thomas|Tim|Timothy|Tina|Todd|Tom|Tommy|Tony|Tracy|Valerie
Vanessa|Victor|Victoria|Vincent|Viktor|Vladimir|Walter|Wayne|Wendy|Werner|William|Willie|Wolfgang|Yuri|Yusuf
Zachary|Emmanuel|Narendra|Rahul|Raj|Sanjay|Amit|Anil|Sunil|Vijay|Ravi|Shinzo|Fumio|Yoshihiko|Naoto|Junichiro|Taro
Hiroshi|Takeshi|Kenji|Akira|Yuki|Haruhiko|Masayoshi|Recep|Ursula|Olaf|Angela|Jens|Mette|Giorgia|Pedro|Benjamin
Volodymyr|Kamala|Joe|Jerome|Janet|Elon|Jeff|Warren|Satya|Sundar|Tim|Mark|Jensen|Jamie|Mohammad|Nouri|Hamid
Jacinda|Justin|Emmanuel|Xavier|Yves|Gustavo|Luiz|Dilma|Cristina|Mauricio|Javier|Enrique|Felipe|Hugo|Nicolas
Ashraf|Abdel|Khalid|Salman|Mahmoud|Benazir|Imran|Nawaz|Shehbaz|Kofi|Antonio|Jimmy|Ronald|Gerald|Lyndon
Dwight|Franklin|Theodore|Woodrow|Calvin|Herbert|Harry|Hank|Alan|Ben|Paul|Timothy|Steven|Christine|Mario
Melania|Ivanka|Jared|Mitch|Nancy|Chuck|Kevin|Marco|Ted|Rand|Lindsey|Elizabeth|Bernie|Pete|Kirsten|Cory|Amy
Jill|Michelle|Laura|Hillary|Chelsea|Mike|Kristi|Marjorie|Lauren
Yannick|Thibaut|Eden|Axel|Jesse|Farouk|Dries|Romelu|Olivier|Thierry|Laurent|Francois|François|Didier|Benoit
Mathieu|Nicolas|Julien|Sylvie|Isabelle|Nathalie|Sandrine|Camille|Manon|Chloé|Lucie|Amélie|Hélène|Gérard|Gerald
Jürgen|Jurgen|Dieter|Uwe|Horst|Manfred|Rainer|Sabine|Ursula|Heike|Katrin|Markus|Tobias|Lukas|Jonas|Matthias
Sven|Lars|Nils|Anders|Henrik|Magnus|Ingrid|Astrid|Sigrid|Erik|Bjorn|Björn|Mats|Jussi|Mikko|Pekka|Sanna|Mette
Pieter|Joost|Koen|Bram|Ruud|Arjen|Wouter|Mark|Geert|Frans|Giorgio|Matteo|Alessandro|Lorenzo|Marco|Paolo|Silvio
Sergio|Enrico|Gianluca|Federico|Chiara|Giulia|Francesca|Elena|Mariano|Alfonso|Ramon|Ramón|Jaime|Ignacio
Rodrigo|Santiago|Mateo|Andrés|Andres|Alvaro|Álvaro|Gonzalo|Ricardo|Eduardo|Joaquim|João|Joao|Rui|Tiago|Vitor
Marcelo|Gabriela|Mariana|Fernanda|Beatriz|Lucia|Carmen|Pilar|Dolores|Rosa|Guadalupe|Alejandra|Valentina
Vladislav|Yevgeny|Evgeny|Alexei|Anatoly|Oleg|Pavel|Maxim|Nikita|Ruslan|Denys|Oleksandr|Petro|Yulia|Svetlana
Tatiana|Natalia|Irina|Ekaterina|Anastasia|Marina|Ludmila|Galina|Jaroslaw|Jarosław|Donald|Andrzej|Lech|Viktor
Milos|Milan|Zoran|Goran|Dragan|Ivica|Luka|Ante|Edi|Recep|Ahmet|Mehmet|Mustafa|Emre|Kemal|Hakan|Selin|Ayse
Mohamed|Mohammed|Mahmoud|Youssef|Yusuf|Ibrahim|Ismail|Hamza|Karim|Rami|Tarek|Walid|Nabil|Samir|Said|Fatima
Layla|Leila|Mariam|Nour|Rania|Hassan|Hussein|Abbas|Reza|Mahmoud|Javad|Ali|Hamid|Ayatollah|Amir|Bashar|Hosni
Cyril|Jacob|Thabo|Nelson|Winnie|Uhuru|William|Paul|Muhammadu|Bola|Goodluck|Olusegun|Ngozi|Chinua|Wole|Kwame
Nana|Kofi|Abiy|Yoweri|Paul|Emmerson|Robert|Jakaya|Samia|Raila|Ellen|George|Akinwumi|Rajiv|Sonia|Indira
Manmohan|Arvind|Mamata|Nitin|Piyush|Mukesh|Anand|Ratan|Gautam|Shashi|Priya|Deepak|Suresh|Ramesh|Rajesh|Vikram
Arjun|Aditya|Rohit|Virat|Sachin|Shinji|Yoshihide|Kishida|Toshiro|Kenichi|Hiroshi|Haruki|Masahiro|Yuko|Yoko
Keiko|Naoki|Daisuke|Takashi|Kazuo|Koji|Ichiro|Shohei|Kaoru|Jae|Moon|Yoon|Chung|Jong|Tsai|Lai|Carrie|Jackie
Tony|Wayne|Gareth|Rhys|Owen|Dylan|Callum|Liam|Connor|Declan|Niall|Seamus|Sinead|Aoife|Ciaran|Eamon|Micheal
Fergus|Hamish|Alistair|Alasdair|Ewan|Kirsty|Shona|Keir|Rishi|Liz|Theresa|Boris|Gordon|Nicola|Humza|Suella
Priti|Sajid|Jeremy|Kemi|Yvette|Ed|Jeremy|Angela|Olaf|Annalena|Friedrich|Markus|Emmanuel|Gabriel|Edouard|Jean
Marine|Ségolène|Segolene|Valérie|Valerie|Mario|Matteo|Giuseppe|Pedro|Mariano|Alexis|Kyriakos|Viktor|Andrej
Petr|Zuzana|Klaus|Vaclav|Václav|Kersti|Kaja|Gitanas|Egils|Justin|Pierre|Stephen|Jean-Claude|Jean-Pierre
Jean-Marie|Jean-Luc|Jean-Yves|Anne-Marie|Marie-Claire|Hans-Peter|Karl-Heinz|Ana|Eva|Zoe|Zoë|Ava|Mia|Ella
Jacqueline|Yolanda|Gloria|Doris|Dorothy|Frances|Gwen|Hannah|Holly|Ivy|Jenny|Joyce|Katie|Kay|Lily|Lucy|Mabel
Marilyn|Molly|Nina|Norma|Peggy|Phyllis|Polly|Rita|Sally|Sophia|Stella|Sue|Sylvia|Tara|Vera|Violet|Wanda
Abe|Abigail|Ahmad|Al|Alec|Alfie|Alvin|Archie|Austin|Barney|Bert|Brett|Carlton|Cecil|Chad|Chester|Clark|Clint
Clyde|Cole|Curtis|Dale|Damian|Darryl|Devin|Dominick|Dwayne|Earl|Edgar|Edwin|Elijah|Elliot|Elmer|Ethan|Everett
Floyd|Forrest|Frankie|Garrett|Gene|Gilbert|Grant|Guy|Harvey|Herman|Homer|Ira|Isaac|Jared|Jasper|Jeffery|Jerald
Jody|Joey|Jonah|Josiah|Julius|Kent|Kirk|Lance|Leroy|Lester|Lloyd|Lonnie|Lowell|Luther|Malcolm|Marvin|Mason
Melvin|Miles|Milton|Mitchell|Monte|Myron|Neal|Nelson|Noel|Otis|Perry|Preston|Quentin|Ralph|Randall|Reginald
Rex|Rodney|Roland|Ronnie|Rudolph|Rufus|Rupert|Salvatore|Seth|Sidney|Spencer|Stanley|Sterling|Stewart|Stuart
Terrence|Travis|Trevor|Troy|Tyler|Vernon|Wade|Wallace|Warren|Wesley|Wilbur|Willard|Woody|Zach
"""))

# Family-name-first naming (Chinese, Korean, Vietnamese): surname followed by a one- or two-syllable given name.

def _data_words(name: str) -> frozenset[str]:
    """The words of a list in ``store/extract/naming/data`` (one or more a line; '#' lines are comments)."""
    path = Path(__file__).with_name("data") / name
    with open(path, encoding="utf-8") as handle:
        return frozenset(w for line in handle if not line.startswith("#") for w in line.split())


# Census given names (public domain) and a hand-written list for names from elsewhere: see data/.
GIVEN_NAMES = GIVEN_NAMES | _data_words("given_names_census.txt") | _data_words("given_names_world.txt")

FAMILY_FIRST_SURNAMES = frozenset(_split("""
Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|He|Lin|Gao|Luo|Zheng|Liang|Xie|Song|Tang|Xi
Han|Feng|Deng|Cao|Peng|Zeng|Xiao|Tian|Dong|Pan|Yuan|Cai|Jiang|Yu|Du|Ye|Cheng|Wei|Su|Lu|Ding|Ren|Shen|Yao|Jin
Qian|Wen|Bo|Kong|Mao|Hua|Fu|Lai|Kim|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim|Moon|Nguyen|Tran|Le|Pham|Hoang|Vo|Ho
Hwang|Hong|Shin|Son|Bae|Baek|Seo|Oh|Ahn|Ko|Yoo|Nam|Ryu|Han|Jeon|Kwon|Yun|Chung|Lee
"""))


def ascii_fold(s: str) -> str:
    """The name without accents ("Łódź" → "Lodz"), the way it is often typed."""
    s = s.replace("ł", "l").replace("Ł", "L")
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def _table(block: str) -> tuple[dict[str, str], dict[str, str]]:
    """Parse ``Canonical=alias,alias:Demonym,Demonym`` lines into surface→canonical and demonym→canonical."""
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for item in _split(block):
        head, _, dems = item.partition(":")
        canon, _, aliases = head.partition("=")
        canon = canon.strip()
        names[canon] = canon
        for alias in aliases.split(","):
            if alias.strip():
                names[alias.strip()] = canon
        for dem in dems.split(","):
            if dem.strip():
                demonyms[dem.strip()] = canon
    return names, demonyms


_country_names, _country_dems = _table(_COUNTRIES)
_region_names, _region_dems = _table(_REGIONS)

# surface form → canonical place name
PLACES: dict[str, str] = {**{c: c for c in _split(_CITIES)}, **{s: s for s in _split(_STATES_AND_PROVINCES)},
                          **_region_names, **_country_names}
PLACES.update({ascii_fold(k): v for k, v in list(PLACES.items()) if not k.isascii()})  # "Sao Paulo" too
PLACES["New York State"] = "New York"
PLACES["Washington State"] = "Washington"
PLACES["Washington, D.C."] = "Washington"
PLACES.update({k: PLACES.get(v, v) for k, v in STATE_ABBREVIATIONS.items()})
# demonym / adjective → canonical place ("Chinese" → China)
DEMONYMS: dict[str, str] = {**_region_dems, **_country_dems}
COUNTRIES = frozenset(_country_names.values())

