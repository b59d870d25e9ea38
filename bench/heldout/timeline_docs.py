"""Nine more held-out excerpts for the timeline check (business news 2006-2010: car makers, stock markets,
airlines, aircraft makers), found with a search of stored public pages on 2026-12-01, and their judgments.

Quoted for measurement only; copyright stays with the publishers. Paragraph breaks, headings, bylines and
cut-off last sentences were dropped; nothing else was changed but one missing space ("EADS which").
None of them is Wikinews (the set kept aside is), none was read while the timeline rules were made, and
the judgments below were written BY HAND before Dateline was run on them. `published` is None where the
page showed no date.

A target takes part in a sentence when it is its subject, object, speaker or participant, also when it is
named "the company", "the carrier", "the plane", "he", "them" (for the two companies), or is the owner of
what moved ("Alitalia's stock", "the Dow's worst year"); not when it is only part of another name
("Boeing Commercial Airplanes"), a modifier of something else ("the Airbus lineup"), a person as the
possessor of someone else ("Gallois' predecessor"), or another thing of the same word ("S&P analyst",
"United Arab Emirates").
"""

CHICAGOTRIBUNE_FORD = {
    "id": "chicagotribune-2008-ford",
    "url": "http://articles.chicagotribune.com/2008-07-25/business/0807240720_1_chief-executive-alan-mulally-ford-motor-credit-billion-in-special-charges",
    "published": "2008-07-25",
    "text": (
        "Ford's worst-ever quarter brings $8.67 billion loss\n\n"
        "Ford posted the largest quarterly loss in its 105-year history Thursday: $8.67 billion, including $8.03 "
        "billion in special charges.\n\n"
        "Its North American automotive unit lost $1.3 billion, and Chief Financial Officer Don Leclair said Ford "
        "expects losses to increase in the second half because of falling sales.\n\n"
        "Ford was profitable in Europe, Asia and South America, but its Volvo brand and Ford Motor Credit finance "
        "unit lost money.\n\n"
        "At the beginning of the year, Ford expected U.S. light-vehicle sales of 15.6 million but has since lowered "
        "its forecast to near 14 million. Ford is girding for lower sales by cutting production, primarily of "
        "trucks. Ford expects to build 440,000 vehicles in the third quarter, 197,000 fewer than last year, and "
        "500,000 in the fourth quarter, a decline of 141,000.\n\n"
        "Ford has burned through $10.8 billion of cash in the last year, ending the quarter with $26.6 billion, but "
        "Leclair said Ford has enough cash and credit lines to fund its ongoing restructuring.\n\n"
        "Ford said it doesn't expect to be profitable in 2009, and Chairman and Chief Executive Alan Mulally "
        "wouldn't forecast a profit in 2010, saying, \"It's just so volatile now.\"\n\n"
        "As part of its revamping, Ford said it will retool two more North American truck and sport-utility "
        "vehicles plants to build small, fuel-efficient vehicles, and will bring six new small vehicles to North "
        "America from Europe by 2012, including the Transit Connect small van, European Focus and subcompact "
        "Fiesta. Most will be built in North America."
    ),
}

CNBC_BOEING = {
    "id": "cnbc-2007-boeing-787",
    "url": "https://www.cnbc.com/2007/03/08/boeing-chief-executive-says-787-development-on-schedule.html",
    "published": "2007-03-08",
    "text": (
        "Boeing Chief Executive Says 787 Development on Schedule\n\n"
        "Boeing Chief Executive Jim McNerney said development of the planemaker's new 787 model was on track and "
        "the company did not expect the U.S. government to cancel a $15 billion helicopter deal it had won.\n\n"
        "\"We're hitting all our benchmarks, we're fighting all the fires,\" McNerney told reporters on Thursday "
        "when asked about progress on the 787, adding that he expected roll-out of the plane in July.\n\n"
        "Boeing has sent engineers to supplier firms to help them stay on schedule as the planemaker works toward "
        "a May 2008 first delivery of the all-new 787 to Japan's All Nippon Airways.\n\n"
        "\"I don't think there will be the full-blown recompete,\" McNerney said when asked about a U.S. "
        "Government Accountability Office (GAO) recommendation that the Air Force repeat a competition for a "
        "$15-billion search-and-rescue helicopter program it has awarded to Boeing.\n\n"
        "Boeing is having to compete a second time for a major U.S. mid-air refueling plane deal after a scandal "
        "in 2004 led to the resignation of a top Air Force arms buyer and a Boeing executive and scuppered a "
        "$23.5-billion plan to lease and buy Boeing 767s.\n\n"
        "McNerney said the latest bid proposals for the tanker program were due in April and that Boeing would "
        "stick with the 767 model as the basis of its offer, despite a rival bid from Northrop Grumman and Airbus "
        "parent EADS which is expected to offer the larger A330 airliner as a tanker.\n\n"
        "Boeing topped Airbus in new plane orders in 2006 for the first time since 2000, helped by continued "
        "strong demand for its smallest model, the single-aisle 737.\n\n"
        "\"That business (airliners) looks really strong over the next five years while our defense business is "
        "flattening out a little,\" McNerney said."
    ),
}

TRAVELMOLE_787 = {
    "id": "travelmole-2008-787",
    "url": "https://www.travelmole.com/news/boeing-delays-dreamliner-programme-again",
    "published": None,
    "text": (
        "Boeing delays Dreamliner programme again\n\n"
        "EVERETT, Wash. – Boeing has announced an updated schedule for its 787 Dreamliner programme that moves "
        "the commercial jet's first flight into the second quarter of 2009 and first delivery into the first "
        "quarter of 2010.\n\n"
        "Although widely expected, the further delays in the 787 delivery programme will force several airlines "
        "that have ordered the plane – including Qantas – to rethink their operational strategies.\n\n"
        "The first Dreamliner deliveries were initially planned for the first half of 2008.\n\n"
        "Boeing said the new schedule reflected the impact of disruption caused by the recent machinists' strike "
        "along with the requirement to replace certain fasteners in early production airplanes.\n\n"
        "\u201cOur industry team has made progress with structural testing, systems hardware qualification, and "
        "production, but we must adjust our schedule for these two unexpected disruptions,\u201d said Boeing "
        "Commercial Airplanes president and CEO, Scott Carson.\n\n"
        "Repeated problems with the Dreamliner have become an embarrassment for Boeing and a source of "
        "frustration for customers. The latest postponement is the fourth for the jet project.\n\n"
        "Boeing says it has received nearly 900 orders for the aircraft from more than 55 customers worldwide."
    ),
}

IBTIMES_EMIRATES = {
    "id": "ibtimes-2010-emirates",
    "url": "http://www.ibtimes.com/emirates-record-11-billion-order-a380s-413179",
    "published": None,
    "text": (
        "Emirates record $11 billion order for A380s\n\n"
        "Airbus landed a record $11 billion order for superjumbos from Dubai's Emirates, the Arab world's largest "
        "airline, as the carrier shook off the risk of another recession and struck a blow to its older European "
        "rivals.\n\n"
        "The request for the 32 double-decker A380s, which brings Emirates' Airbus order to 90 aircraft, was a "
        "splash start on Tuesday to the usually sedate Berlin Air Show, which is happening in something of a "
        "vacuum outside Europe's spiraling debt crisis.\n\n"
        "Airbus, which has been facing a range of operational difficulties, called the unexpected vote of "
        "confidence the largest commercial aircraft order by dollar value ever. It came as parent EADS used the "
        "event to show off the capabilities of its embattled A400M military transporter plane.\n\n"
        "While airlines had upgraded their industry forecasts this week, the sheer size and scope of the A380 "
        "order stunned Emirates' competitors.\n\n"
        "It is already to many of us a miracle that Emirates now already has more seats on intercontinental "
        "routes than Air France and BA together, with a relatively small home market, Lufthansa CEO Wolfgang "
        "Mayrhuber said in a briefing at the International Air Transport Association's (IATA) annual meeting also "
        "in Berlin.\n\n"
        "One must assume that this is not an investment for the UAE (United Arab Emirates), but it is an "
        "investment for the world, he said.\n\n"
        "EADS shares closed down 0.6 percent to 16.225 euros, outperforming the broader market which was 1.1 "
        "percent lower.\n\n"
        "At first glance, some analysts were skeptical about the deal, with U.S. aerospace analyst Richard "
        "Aboulafia suggesting it was most likely a bargaining chip for Emirates in its push to get landing slots "
        "in Berlin.\n\n"
        "He said it was possible that ultimately some of the order might not be fulfilled."
    ),
}

AVIATIONPROS_GALLOIS = {
    "id": "aviationpros-2006-gallois",
    "url": "https://www.aviationpros.com/home/news/10396245/new-airbus-boss-sends-mixed-signals",
    "published": "2006-10-11",
    "text": (
        "New Airbus Boss Sends Mixed Signals\n\n"
        "Louis Gallois tried hard to please everybody Tuesday on his first day on the job as the latest executive "
        "to head the European aircraft maker Airbus.\n\n"
        "Investors initially cheered when the former French civil servant declared in a radio interview that "
        "\"painful\" job reductions and cost cuts proposed by his predecessor are necessary. He also vowed to press "
        "ahead with a planned A350 mid-sized jet to fill a hole in the Airbus lineup of aircraft.\n\n"
        "But trade union representatives said Gallois, Airbus's fourth CEO in 16 months, told them in a "
        "subsequent meeting that no decisions had been made on which, if any, plants would be closed or on other "
        "measures to streamline Airbus production.\n\n"
        "The Toulouse, France-based jet maker separately denied a newspaper report that the company had decided "
        "to cut 10,000 of its 56,000 jobs in Europe.\n\n"
        "\"We're at the beginning of the process. It's too early to talk about exact figures,\" spokesman David "
        "Voskuhl said.\n\n"
        "After first jumping more than 5 percent, shares in parent company European Aeronautic Defence and Space "
        "Co. ended the day up 3.6 percent at euro20.89 ($26.33). That's still 7.8 percent short of their closing "
        "price on Oct. 3, just before the company announced a second year of delays to its A380 superjumbo. "
        "Shares of the defense and aerospace company have fallen 35 percent since the start of the year.\n\n"
        "Gallois' predecessor, Christian Streiff, resigned Monday after 99 days in the Airbus top job, saying he "
        "wasn't given the \"necessary operational powers\" to push through the kind of cuts required to turn the "
        "company around. EADS is tightening supervision of Airbus as it acquires the 20 percent of the company it "
        "does not already own from Britain's BAE Systems PLC."
    ),
}

PHILLY_DOW = {
    "id": "philly-2009-dow",
    "url": "http://www.philly.com/inquirer/business/20090101_Dow_closes_on_higher_note.html",
    "published": "2009-01-01",
    "text": (
        "Dow closes on higher note\n\n"
        "After falling nearly 34 percent in 2008, the market gained 108 points on the last day. It was the Dow's "
        "worst year since '31.\n\n"
        "The close of trading yesterday put a merciful end to a horrid year on the New York Stock Exchange. Volume "
        "was light, with many traders on vacation or out of the market.\n\n"
        "NEW YORK - Wall Street saw a merciful end to a dreadful year yesterday as stocks closed the last session "
        "of 2008 with a sizable advance.\n\n"
        "The Dow Jones industrials rose 108 points to 8,776 - but plunged nearly 34 percent over the year as the "
        "U.S. mortgage and credit crisis turned into a global recession. The year just ended marked the worst for "
        "the Dow since 1931.\n\n"
        "Investors took some comfort yesterday from the Labor Department's report of a sharp drop in weekly "
        "unemployment claims. But many traders were out of the market, on vacation, or had closed their books for "
        "the year.\n\n"
        "\"They will write about this year for a long time,\" Duncan Niederauer, chief executive officer of NYSE "
        "Euronext, operator of the New York Stock Exchange, told Bloomberg News.\n\n"
        "The Dow lost 33.8 percent for the year and was down 38 percent from its record close of 14,165.53 in "
        "October 2007, making it the Dow's worst year since 1931, when the country was deep into the Depression.\n\n"
        "The Standard & Poor's 500 index, the indicator most watched by market pros, lost 38.5 percent in 2008 and "
        "is down 44.8 percent from its 2007 high of 1,565.15. The S&P 500's 52 percent decline at its November low "
        "was the worst since an earlier version of the index lost 54.5 percent from March 1937 to March 1938."
    ),
}

SELMA_DOW = {
    "id": "selmatimes-2008-dow",
    "url": "https://selmatimesjournal.com/?p=4383",
    "published": "2008-10-06",
    "text": (
        "Dow finishes below 10,000 for first time since 2004\n\n"
        "Wall Street joined in a worldwide cascade of despair Monday over the financial crisis, driving the Dow "
        "Jones industrials to their biggest loss ever during a trading day. Even a big afternoon rally failed to "
        "keep the Dow from its first close below 10,000 since 2004.\n\n"
        "The sell-off came despite the $700 billion U.S. government bailout package, which was signed into law "
        "Friday after two weeks in which traders had appeared to count on the rescue as their only hope to avoid "
        "a market meltdown.\n\n"
        "At its worst point, the Dow was down more than 800 points, an intraday record. The stock market rallied "
        "during the final 90 minutes of the trading day, and the Dow finished down about 370 points at 9,955.50.\n\n"
        "The global plunge in stocks was under way well before Wall Street ever woke up. In Japan, the Nikkei "
        "average lost more than 4 percent. And then the losses spread across Europe \u2014 nearly 6 percent for "
        "the FTSE-100 in Britain, 7 percent for the German DAX and more than 9 percent for France's CAC-40."
    ),
}

DAILYBEAST_DOW = {
    "id": "dailybeast-2008-dow",
    "url": "http://blog.thedailybeast.com/dow-plummets-below-8000",
    "published": None,
    "text": (
        "Dow Plummets Below 8,000\n\n"
        "The Dow Jones Industrial Average hit a depressing new benchmark today, as it slid 427.47 points and "
        "closed below 8,000 for the first time since 2003, at 7,990. But the Dow wasn\u2019t alone in its late-day "
        "decline: The S&P 500 dropped 6.1 percent and the Nasdaq composite index fell 6.5 percent. The steep "
        "drops came late in the afternoon as it seemed increasingly unlikely that Washington would bail out "
        "Detroit\u2019s ailing auto industry. As if that wasn\u2019t bad enough news for the car giants, GM and "
        "Ford saw their stocks fall to $2.78 and $1.27, respectively. The financial industry didn\u2019t fare much "
        "better, dropping a full 9 percent over the course of the day. Citigroup alone dropped 22 percent, to "
        "$6.40. \u201cIt\u2019s painful,\u201d S&P analyst Howard Silverblatt told The New York Times."
    ),
}

WAPO_AUTOS = {
    "id": "washingtonpost-2009-autos",
    "url": "http://newsletter91507.blogspot.com/2009/03/gm-and-chrysler-denied-extra-funds.html",
    "published": "2009-03-31",
    "text": (
        "Tough but Fair\n\n"
        "PRESIDENT OBAMA yesterday delivered a believable, sharp and necessary ultimatum to U.S. automakers. \"We "
        "cannot make the survival of our auto industry dependent on an unending flow of taxpayer dollars,\" he "
        "declared. It wasn't exactly rhetoric worthy of Dirty Harry, but we hope it will cause General Motors and "
        "Chrysler to undertake the financial and structural reforms they have been avoiding.\n\n"
        "Since December, the federal government has funneled some $17.4 billion into the two companies. GM and "
        "Chrysler had agreed, as a condition of the loans, to significantly alter their business plans, negotiate "
        "further concessions from union workers, and restructure or eliminate billions of dollars worth of debt "
        "by March 31. The president announced a day early that the companies had come up more than a few dollars "
        "short. But rather than immediately cut the companies off from the dole, as the December agreement "
        "allowed, Mr. Obama offered them a last chance to make a go of it.\n\n"
        "The administration, which concluded that Chrysler has no chance of succeeding as a stand-alone "
        "enterprise, gave the company 30 days to finalize a merger with Italian auto manufacturer Fiat. Chrysler "
        "was offered an additional $6 billion if it consummates the deal, and was threatened with a fund cutoff "
        "if it fails. Mr. Obama was both more generous and more demanding with GM. Chairman and chief executive G. "
        "Richard Wagoner Jr., who faced the possibly impossible task of turning around the long-ailing auto giant "
        "in the midst of the deepest financial and credit crisis in a generation, was forced out by the White "
        "House."
    ),
}

NEW_DOCS = [CHICAGOTRIBUNE_FORD, CNBC_BOEING, TRAVELMOLE_787, IBTIMES_EMIRATES, AVIATIONPROS_GALLOIS, PHILLY_DOW,
            SELMA_DOW, DAILYBEAST_DOW, WAPO_AUTOS]

# doc id -> target -> the starts of the sentences in which the target takes part (judged by hand, before any run)
NEW_JUDGED = {
    "chicagotribune-2008-ford": {
        "Ford": ["Ford posted", "Its North American", "Ford was profitable", "At the beginning", "Ford is girding",
                 "Ford expects to build", "Ford has burned", "Ford said it doesn't", "As part of its"],
        "Alan Mulally": ["Ford said it doesn't"],
    },
    "cnbc-2007-boeing-787": {
        "Boeing": ["Boeing Chief Executive Jim", "Boeing has sent", "\"I don't think", "Boeing is having",
                   "McNerney said the latest", "Boeing topped"],
        "Jim McNerney": ["Boeing Chief Executive Jim", "\"We're hitting", "\"I don't think", "McNerney said the latest",
                         "\"That business"],
        "787": ["Boeing Chief Executive Jim", "\"We're hitting", "Boeing has sent"],
        "Airbus": ["Boeing topped"],
    },
    "travelmole-2008-787": {
        "Boeing": ["EVERETT", "Boeing said the new", "Repeated problems", "Boeing says"],
        "787": ["EVERETT", "Although widely", "The first Dreamliner", "Repeated problems", "Boeing says"],
        "Scott Carson": ["\u201cOur industry"],
    },
    "ibtimes-2010-emirates": {
        "Emirates": ["Airbus landed", "The request", "While airlines", "It is already", "At first glance"],
        "Airbus": ["Airbus landed", "Airbus, which"],
        "A380": ["Airbus landed", "The request", "While airlines"],
    },
    "aviationpros-2006-gallois": {
        "Airbus": ["Louis Gallois tried", "But trade union", "The Toulouse", "Gallois' predecessor",
                   "EADS is tightening"],
        "Louis Gallois": ["Louis Gallois tried", "Investors initially", "He also vowed", "But trade union"],
        "A380": ["That's still"],
    },
    "philly-2009-dow": {
        "Dow Jones Industrial Average": ["It was the Dow's", "The Dow Jones industrials", "The year just ended",
                                         "The Dow lost"],
        "S&P 500": ["The Standard & Poor's", "The S&P 500's"],
    },
    "selmatimes-2008-dow": {
        "Dow Jones Industrial Average": ["Wall Street joined", "Even a big", "At its worst",
                                         "The stock market rallied"],
    },
    "dailybeast-2008-dow": {
        "Dow Jones Industrial Average": ["The Dow Jones Industrial", "But the Dow"],
        "S&P 500": ["But the Dow"],
        "Ford": ["As if that"],
        "General Motors": ["As if that"],
    },
    "washingtonpost-2009-autos": {
        "General Motors": ["It wasn't exactly", "Since December", "GM and Chrysler", "The president announced",
                           "But rather than", "Mr. Obama was", "Chairman and chief"],
        "Chrysler": ["It wasn't exactly", "Since December", "GM and Chrysler", "The president announced",
                     "But rather than", "The administration", "Chrysler was offered"],
        "G. Richard Wagoner Jr.": ["Chairman and chief"],
        "Barack Obama": ["PRESIDENT OBAMA", "\"We cannot", "The president announced", "But rather than",
                         "Mr. Obama was"],
    },
}

# the new targets in the four earlier excerpts (judged by hand with the others, before any run)
EARLIER_JUDGED = {
    "rte-2008-a380": {
        "Emirates": ["European plane maker", "Meanwhile, Dubai's"],
        "787": ["US rival Boeing", "Boeing recently"],
    },
    "moneycontrol-2025-airbus": {
        "787": ["This year's event"],
    },
    "seattletimes-2019-boeing-787": {
        "787": ["Boeing got in", "Boeing won", "The carrier agreed", "Korean Air will"],
    },
}

PERSONS = {"Alan Mulally", "Jim McNerney", "Scott Carson", "Louis Gallois", "G. Richard Wagoner Jr.", "Barack Obama"}
