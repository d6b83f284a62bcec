"""Small synthetic news stories for the topic tests (invented names and events, written for the tests)."""

from __future__ import annotations

QUAKE = [
    "A magnitude 7.1 earthquake struck near Valdoria on Tuesday, collapsing buildings in the port of "
    "Santa Lenora. Rescue teams searched the rubble through the night. The Valdorian seismic institute "
    "said aftershocks were likely. Officials counted 40 dead in Santa Lenora.",
    "Rescuers in Santa Lenora pulled survivors from collapsed buildings after the Valdoria earthquake. "
    "The magnitude 7.1 quake hit the port city and its hospitals were overwhelmed. The seismic institute "
    "warned of strong aftershocks as the death toll rose to 52.",
    "The death toll from the earthquake in Valdoria climbed to 60, officials in Santa Lenora said. "
    "Aftershocks rattled the port while rescue teams dug through rubble. President Amaro of Valdoria "
    "flew to Santa Lenora and promised aid to rebuild the collapsed buildings.",
]
MERGER = [
    "Korvath Bank agreed to buy Elmstead Financial for 12 billion dollars, creating the largest lender "
    "in the Northern Province. Shareholders of Elmstead will receive 3 Korvath shares each. Regulators "
    "must approve the merger, which Korvath chief executive Lisa Brandt called transformative.",
    "Elmstead Financial shareholders cheered the 12 billion dollar takeover by Korvath Bank. Lisa Brandt, "
    "who runs Korvath, said the merger would cut costs and close overlapping branches. Competition "
    "regulators will review the deal, the banks said.",
    "Regulators opened a review of Korvath Bank's takeover of Elmstead Financial. The 12 billion dollar "
    "merger would create a dominant lender, critics said, and branches would close. Korvath's Lisa Brandt "
    "defended the deal before shareholders.",
]
FINAL = [
    "Riverton Rovers won the cup final 3-1 against Castlebay United at Harmon Stadium on Saturday. "
    "Striker Dani Okafor scored twice as Rovers lifted the trophy for the first time. Castlebay's coach "
    "praised the winners.",
    "Dani Okafor's two goals gave Riverton Rovers a 3-1 cup final win over Castlebay United. Fans "
    "celebrated at Harmon Stadium as the Rovers captain lifted the trophy. Castlebay United had "
    "equalised before half-time.",
    "Thousands of Riverton Rovers fans lined the streets to welcome the cup winners home after the 3-1 "
    "final victory over Castlebay United. Okafor, who scored twice at Harmon Stadium, held up the trophy.",
]
# One subject (Senator Holloway), two events a year apart.
BRIBERY = [
    "Senator Ruth Holloway was charged with taking bribes from the construction firm Baxley Group in "
    "exchange for highway contracts. Prosecutors said Baxley paid 400,000 dollars into an account "
    "controlled by Holloway. Her lawyer denied the bribery charges.",
    "Prosecutors say Baxley Group paid Senator Ruth Holloway 400,000 dollars in bribes for highway "
    "contracts. Holloway pleaded not guilty to the bribery charges in federal court on Friday. Baxley "
    "executives are cooperating with investigators.",
    "The bribery case against Senator Holloway widened as a second Baxley Group executive described "
    "cash payments for highway contracts. Holloway's lawyer said the contracts were awarded fairly.",
]
EXPENSES = [
    "Senator Ruth Holloway repaid 35,000 dollars in travel expenses after an audit found she billed "
    "taxpayers for family holidays in Marbello. The ethics committee opened an inquiry into Holloway's "
    "expense claims. She apologised for what she called an error.",
    "The Senate ethics committee questioned Senator Holloway about expense claims for trips to Marbello. "
    "The audit found 35,000 dollars of travel billed to taxpayers. Holloway said she had repaid the "
    "money and apologised.",
    "Holloway's expenses inquiry ended with a formal reprimand from the ethics committee over the "
    "Marbello travel claims. The audit had found 35,000 dollars of family holidays billed to taxpayers.",
]

# One subject (Minister Brenn and her circle, named in full), two events: everything but the words of
# what happened is shared, so the overall likeness of the two events is mostly their names.
_CIRCLE = (
    "Minister Ida Brenn, her deputy Tomas Velk, the Harbour Guild, the Aldmere Council and Valdoria's "
    "Northern Province"
)
STRIKE = [
    f"Dock workers in Port Aldmere walked out over pay. {_CIRCLE} were drawn into the strike. {_CIRCLE} "
    "met. Cranes stood idle and pickets blocked the gates.",
    f"The strike at Port Aldmere entered its third day with cranes idle and pickets at the gates. "
    f"{_CIRCLE} met. {_CIRCLE} faced the dock workers' pay demand.",
]
VOTE = [
    f"Voters reelected the government in Port Aldmere as ballots were counted overnight. {_CIRCLE} met. "
    f"{_CIRCLE} celebrated a majority at a victory rally.",
    f"Ballots counted overnight gave a majority to the government in Port Aldmere. {_CIRCLE} met. "
    f"{_CIRCLE} thanked voters at the victory rally after record turnout.",
]

# Six shootings in one city (invented): every report shares the subject's words ("shot", "police
# said", the city), the incidents differ in who, where and when. The first report of each is a
# one-sentence brief.
_INCIDENTS = [
    ("Darnell Okoye", 24, "Wexford Avenue", "Tuesday", "a gas station", "a dispute over a parked car"),
    ("Marisol Ventura", 17, "Ashcombe Street", "Friday", "a birthday party", "a fight among guests"),
    ("Elijah Brandvold", 31, "Corrigan Boulevard", "Sunday", "a barbershop", "a robbery attempt"),
    ("Keisha Amberly", 45, "Pellham Road", "Wednesday", "her front porch", "a drive-by shooting"),
    ("Tobias Renwick", 19, "Marston Park", "Saturday", "a basketball court", "an argument over a game"),
    ("Grace Whitlow", 8, "Dunmore Lane", "Monday", "her bedroom", "a stray bullet fired outside"),
]


def _reports(name: str, age: int, street: str, day: str, place: str, cause: str) -> list[str]:
    first, last = name.split()
    return [
        f"{name}, {age}, was shot near {place} on {street} in Harlow City on {day}, police said.",
        f"Harlow City police said {name}, {age}, was shot on {day} near {place} on {street} after "
        f"{cause}. Officers found {first} {last} with a gunshot wound and took the victim to Harlow "
        f"General Hospital. Police said no arrests had been made and asked witnesses to call.",
        f"Police are investigating the shooting of {last} on {street}. Neighbours near {place} said "
        f"{cause} ended in gunfire on {day}. {last}, {age}, remained at Harlow General Hospital, and "
        f"detectives said they were reviewing cameras on {street}.",
    ]


SHOOTINGS = {f"shooting{chr(97 + k)}": _reports(*incident) for k, incident in enumerate(_INCIDENTS)}

# One long-running story: a trial reported every week for eight weeks.
TRIAL = [
    f"The fraud trial of Corvin Ashdale entered its {week} week in Marlow Crown Court. Prosecutors "
    f"told the jury that Ashdale moved {amount} million dollars of pension money to offshore accounts. "
    f"Ashdale denies the charges; the trial continues."
    for week, amount in [
        ("first", 4),
        ("second", 4),
        ("third", 5),
        ("fourth", 5),
        ("fifth", 6),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 7),
    ]
]
