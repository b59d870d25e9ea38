"""The unseen timeline figure: seven real business-news excerpts (2008-2011: a car maker's bankruptcy, a car
maker's recall, a tech company's quarter, a takeover bid, an airline strike, an airline's engine failure, the
London market), found with a search of stored public pages on 2026-12-01, and their judgments.

Quoted for measurement only; copyright stays with the publishers. Short excerpts: headings, bylines, lists (the
recalled models, the plants), a few sentences naming none of the targets and cut-off last sentences were
dropped; curly quotes and dashes were written plainly; nothing else was changed. None of them is Wikinews, none
is in the other held-out files, and the judgments below were written BY HAND before Dateline was run on them;
nothing in extraction is to be changed because of what this set shows (it is run once per measured release, not
tuned on). `published` is None where the page showed no date.

The judging rules are those of ``timeline_docs.py``: a target takes part in a sentence when it is its
subject, object, speaker or participant (a party to a deal, the one a statement is about), also when named
"the company", "the airline", "he", "we", or unnamed as the speaker of a quote running on from a named one,
or when it owns what moved ("Toyota's U.S. sales", "Apple's other products"); not when it is only part of
another name ("a Rolls-Royce Trent 900 engine"), a modifier of something else ("the British Airways board",
"FTSE 100 Index risers") or left implicit ("the decision", "plants will be closed").
"""

CARCONNECTION_GM = {
    "id": "thecarconnection-2009-gm",
    "url": "https://www.thecarconnection.com/news/1021100_gm-files-chapter-11-bankruptcy-follow-it-live",
    "published": "2009-06-01",
    "text": (
        "GM Files Chapter 11 Bankruptcy: Follow It Live\n\n"
        "General Motors filed Chapter 11 bankruptcy on Monday morning in a New York court, after a four-year slide "
        "in sales and profits that burned $33.6 billion and led to a government-backed loan that has kept the "
        "company in business to date.\n\n"
        "The epic bankruptcy filing--the fourth largest in U.S. history-- comes after GM worked in recent weeks to "
        "find partners for its Opel/Vauxhall operations, to convince a majority of bondholders to accept diminished "
        "returns on their investments and to reach a deal with the United Auto Workers (UAW) on new work, pay and "
        "retirement benefits.\n\n"
        "The GM filing follows on the heels of the Chrysler bankruptcy filing last month. Chrysler could emerge from "
        "a rapid bankruptcy proceeding today as a unit of Italy's Fiat Group, as a federal judge has sanctioned the "
        "sale of Chrysler assets to the European automaker. GM's bankruptcy will follow a similar path, and though "
        "it will be more complex due to GM's size, the pattern could allow GM to execute one of the fastest, largest "
        "bankruptcies in recent U.S. history.\n\n"
        "President Barack Obama said in a noon press conference that GM and stakeholders have come up with a "
        "\"viable, achievable plan give this iconic company a chance,\" while also criticizing the company for "
        "piling up \"unsustainable\" levels of debt. This is the company's last chance at salvation, he hinted: \"I "
        "refuse to let these companies become wards of the state,\" the President said.\n\n"
        "Meanwhile, conservatives like Minnesota governor Tim Pawlenty continued to voice opposition to the bailouts "
        "and loans that have ended up with taxpayers owning a majority stake in GM and Chrysler."
    ),
}

ITPRO_APPLE = {
    "id": "itprotoday-2008-apple",
    "url": "https://www.itprotoday.com/mobile-device-management/apple-earnings-iphone-3g-success",
    "published": None,
    "text": (
        "Apple Earnings Up on iPhone 3G Success\n\n"
        "Apple on Tuesday announced its latest quarterly results, with the company earning $1.14 billion on "
        "revenues of $7.9 billion. While sales of Apple's Mac computers and iPod devices remained strong, the "
        "standout this time was the iPhone 3G smart phone, which began shipping in July. Apple says it sold 6.9 "
        "million iPhones in the quarter, more than the previous five quarters combined.\n\n"
        "\"Apple just reported one of the best quarters in its history, with a spectacular performance by the "
        "iPhone,\" said Apple CEO Steve Jobs. \"We don't yet know how this economic downturn will affect Apple. But "
        "we're armed with the strongest product line in our history, the most talented employees and the best "
        "customers in our industry.\"\n\n"
        "Apple claims the iPhone outsold RIM's Blackberry for the first time in quarter, good enough for the number "
        "two spot in the smart phone industry. (It's unclear if this claim is limited to the US only or reflects "
        "worldwide sales; Apple tends to speak in generalities while using data from its best-selling markets "
        "only.) The company also noted that it has already surpassed its goal of selling 10 million iPhones in "
        "calendar year 2008.\n\n"
        "Apple's other products perform well if not spectacularly. The company sold 2.6 million Mac computers in "
        "the quarter, up from 2.1 million in the same quarter a year ago. And it sold 11 million iPods, about even "
        "with the previous year."
    ),
}

IRISHTIMES_BA = {
    "id": "irishtimes-2010-ba-strike",
    "url": "https://www.irishtimes.com/news/british-airways-strike-enters-third-day-1.855046",
    "published": None,
    "text": (
        "British Airways strike enters third day\n\n"
        "British Airways flights will be disrupted for a third day today by a strike action by cabin crew, with no "
        "sign of talks to broker a solution.\n\n"
        "Company chief executive Willie Walsh insisted that the airline had been able to carry 60 per cent of "
        "booked passengers and that it had been able to add flights to its expected schedules because of the "
        "number of cabin crew breaking the strike.\n\n"
        "Unite's joint general secretary, Tony Woodley, sought to bypass Mr Walsh and urged members of the British "
        "Airways board to become directly involved in the dispute and prevent the four-day action due from next "
        "weekend.\n\n"
        "In an increasingly personal dispute, many of the cabin crew picketing Heathrow wore Willie Walsh face "
        "masks, with some showing him wearing a Hitler moustache, along with placards comparing his salary to "
        "theirs. In a new poster, the Conservatives attacked prime minister Gordon Brown for not becoming directly "
        "involved.\n\n"
        "So far, the cabin crew are losing the PR battle. A new ICM poll for the BBC shows that only 25 per cent of "
        "people think the strike is justified. BA wants to freeze pay this year, cut cabin crew from 15 to 14 on "
        "long flights and put 3,000 workers on part-time.\n\n"
        "During a day of claim and counter-claim, BA cancelled 1,100 of its 1,950 flights due out of the UK "
        "yesterday. Numerous Twitter and blog messages from passengers indicated that many of the flights that did "
        "leave did so with sharply reduced passenger numbers."
    ),
}

AUTOMOTIVE_TOYOTA = {
    "id": "automotive-2010-toyota",
    "url": "http://www.automotive.com/news/toyota-recall-accelerator-pedal-recall-may-affect-over-two-million-vehicles-10787/",
    "published": "2010-01-21",
    "text": (
        "Toyota Recall: Accelerator Pedal Recall May Affect Over Two Million Vehicles\n\n"
        "We have all become accustomed to various auto manufacturers recalling vehicles that have already been sold "
        "for some kind of repair due to some defect. But we have never heard of a car company stopping production "
        "of new vehicles due to problems that had initiated a recall. Eight models are involved in the decision.\n\n"
        "The recall is due to an acceleration problem. Toyota believes it is due to a faulty gas pedal. But so far, "
        "a fix has not been found. The models that are on the list not to be sold account for more than half of "
        "Toyota's U.S. sales. In addition, plants will be closed for about one week to avoid the creation of a "
        "major inventory problem.\n\n"
        "Toyota says that it has stopped using the pedal assembly -- or all the parts that make up the gas pedal. "
        "Toyota has investigated the problem and determined that the pedals were made with materials that could "
        "swell in humidity and get stuck. All of these pedals were manufactured by only one supplier.\n\n"
        "Our take? Obvious this is a blow to Toyota's reputation of quality and no doubt is a great embarrassment "
        "to the managers of the Japanese company."
    ),
}

CITYAM_QANTAS = {
    "id": "cityam-2010-qantas",
    "url": "http://www.cityam.com/article/qantas-boss-points-finger-rolls-royce",
    "published": None,
    "text": (
        "Qantas boss points finger at Rolls-Royce\n\n"
        "QANTAS Airways chief executive Alan Joyce has said an engine failure on an A380 superjumbo should be "
        "blamed on the engine's design and had nothing to do with the airline's operations.\n\n"
        "A mid-flight failure of a Rolls-Royce Trent 900 engine on 4 November forced Qantas to ground its six-plane "
        "A380 fleet. The airline resumed some A380 operations on Saturday but four of the planes remain grounded.\n\n"
        "Joyce told the Australian Broadcasting Corporation (ABC) yesterday that his airline performed "
        "\"exceptionally well\" over the incident, which forced an A380 with 459 on board to make an emergency "
        "landing in Singapore.\n\n"
        "\"It was a new engine and it was absolutely clearly nothing to do with anything Qantas was doing,\" Joyce "
        "said. \"It was an engine that didn't perform to the parameters that we would've expected.\"\n\n"
        "Although he admitted the bill was \"still mounting\", he said that Qantas's handling of the incident had "
        "probably enhanced its brand rather than damaged it.\n\n"
        "Safety remained Qantas's top priority, he said, adding that Qantas was maintaining some restrictions on its "
        "A380s, and they would not yet be operating across the Pacific to Los Angeles. Joyce said that decision was "
        "taken in consultation with Rolls-Royce and Airbus."
    ),
}

TIME_YAHOO = {
    "id": "time-2008-yahoo",
    "url": "https://content.time.com/time/specials/packages/printout/0,29239,1855948_1864555_1864563,00.html",
    "published": "2008-11-03",
    "text": (
        "Yahoo Rejects Microsoft Bid\n\n"
        "On Jan. 31, Steve Ballmer, CEO of the software giant Microsoft, sent a letter to the board of directors of "
        "Yahoo, offering to buy the Web company for $31 a share - a 62% premium to what the stock was trading for "
        "at the time. Yahoo rebuffed the offer, saying it vastly understated what the company was worth. Since "
        "then, Yahoo has watched its shares become worth 60% less, as investors grow ever-more-disenchanted with "
        "how the firm stacks up to Google in the game of squeezing ad revenue from the Internet. In November, Yahoo "
        "CEO Jerry Yang stepped down and the company made overtures that it might be open to a Microsoft deal. "
        "Ballmer has said in no uncertain terms that he's no longer interested in buying Yahoo."
    ),
}

ENERGYVOICE_FTSE = {
    "id": "energyvoice-2011-ftse",
    "url": "https://energyvoice.com/markets/21353/premier-oil-shares-among-risers-but-wood-group-amec-and-bg-fall",
    "published": None,
    "text": (
        "Premier Oil shares among risers but Wood Group, Amec and BG fall\n\n"
        "Banking shares fell sharply today after the European Central Bank dashed hopes it would take a bigger role "
        "in tackling the region's debt crisis.\n\n"
        "While ECB president Mario Draghi unveiled a package of measures designed to help contain the crisis, "
        "including a cut in interest rates, he ruled out further bond buying that would lower borrowing costs for "
        "indebted governments.\n\n"
        "The FTSE 100 Index closed 63.1 points lower at 5,483.8, having been nearly 60 points higher earlier in the "
        "session.\n\n"
        "Lloyds Banking Group surrendered recent gains to finish 2p lower at 25.1p, while Royal Bank of Scotland was "
        "1.2p lower at 20.9p and Barclays dropped 6.95p to 180.4p.\n\n"
        "In corporate news, attention was focused on supermarket Tesco after it reported a 0.9% drop in "
        "like-for-like sales for the UK in the third quarter. Shares initially fell before steadying to close 0.3p "
        "higher at 397.2p.\n\n"
        "The biggest FTSE 100 Index risers were British American Tobacco up 45.5p at £30.15, Morrisons ahead 2.7p at "
        "318.2p, BT Group up 1.6p at 191.7p and GlaxoSmithKline ahead 12p at £14.40."
    ),
}

UNSEEN_DOCS = [CARCONNECTION_GM, ITPRO_APPLE, IRISHTIMES_BA, AUTOMOTIVE_TOYOTA, CITYAM_QANTAS, TIME_YAHOO,
               ENERGYVOICE_FTSE]

# doc id -> target -> the starts of the sentences in which the target takes part (judged by hand, before any run)
UNSEEN_JUDGED = {
    "thecarconnection-2009-gm": {
        "General Motors": ["General Motors filed", "The epic bankruptcy", "The GM filing", "GM's bankruptcy",
                           "President Barack Obama", "This is the company's", "Meanwhile, conservatives"],
        "Chrysler": ["The GM filing", "Chrysler could emerge", "Meanwhile, conservatives"],
        "Barack Obama": ["President Barack Obama", "This is the company's"],
    },
    "itprotoday-2008-apple": {
        "Apple": ["Apple on Tuesday", "While sales of Apple's", "Apple says it sold", "\"Apple just reported",
                  "\"We don't yet", "But we're armed", "Apple claims", "(It's unclear", "The company also noted",
                  "Apple's other products", "The company sold", "And it sold"],
        "Steve Jobs": ["\"Apple just reported", "\"We don't yet", "But we're armed"],
        "iPhone": ["While sales of Apple's", "Apple says it sold", "\"Apple just reported", "Apple claims",
                   "The company also noted"],
    },
    "irishtimes-2010-ba-strike": {
        "British Airways": ["British Airways flights", "Company chief executive", "BA wants", "During a day"],
        "Willie Walsh": ["Company chief executive", "Unite's joint", "In an increasingly"],
        "Tony Woodley": ["Unite's joint"],
    },
    "automotive-2010-toyota": {
        "Toyota": ["Toyota believes", "The models that", "Toyota says", "Toyota has investigated", "Obvious this"],
    },
    "cityam-2010-qantas": {
        "Qantas": ["QANTAS Airways", "A mid-flight", "The airline resumed", "Joyce told", "\"It was a new",
                   "\"It was an engine", "Although he admitted", "Safety remained"],
        "Alan Joyce": ["QANTAS Airways", "Joyce told", "\"It was a new", "\"It was an engine", "Although he admitted",
                       "Safety remained", "Joyce said that"],
    },
    "time-2008-yahoo": {
        "Yahoo": ["On Jan. 31", "Yahoo rebuffed", "Since then", "In November", "Ballmer has said"],
        "Microsoft": ["On Jan. 31", "In November"],
        "Steve Ballmer": ["On Jan. 31", "Ballmer has said"],
    },
    "energyvoice-2011-ftse": {
        "FTSE 100": ["The FTSE 100 Index closed"],
        "Lloyds Banking Group": ["Lloyds Banking Group"],
        "Tesco": ["In corporate news", "Shares initially"],
    },
}

UNSEEN_PERSONS = {"Barack Obama", "Steve Jobs", "Willie Walsh", "Tony Woodley", "Alan Joyce", "Steve Ballmer"}
