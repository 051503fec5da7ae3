"""The shared corpus of story parts: every publisher's replica writes its stories from these.

Parts are keyed by kind (a company event, an interview, a study, a market report, a legal
case, a debate, an essay, a journal's post...). ``{slot}`` names a fact of the story
(writer.Facts: company, product, amount, executive, surgeon...) or a number drawn afresh at
each use (writer.DYNAMIC). Extraction depends on markup, not on these words: the sites'
markup lives with each replica, the words live here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Event:
    """One kind of company news, as a press release and as a news story tell it."""

    headlines: tuple[str, ...]  # press-release titles, title case
    news: str  # a news story's title, sentence case
    lead: str  # a news story's first sentence
    announce: str = ""  # "... today announced {announce}." (press releases)
    category: str = ""  # the business category it adds, if any


EVENTS: dict[str, Event] = {
    "launch": Event(
        ("{company} Launches {product} {device}",
         "{company} Announces Full Commercial Launch of {product} {device}"),
        "{company} launches {product} {device_lower}",
        "{company} has launched the {product} {device_lower} after a limited release at "
        "{small} centers.", "the full commercial launch of the {product} {device_lower}"),
    "first_cases": Event(
        ("First Cases Completed With {company_poss} {product} {device}",
         "{company} Celebrates First Surgeries Using “{product}” {device}"),
        "{hospital} performs first {procedure} with {technology}",
        "{hospital} performed its first {procedure} using {technology} this month.",
        "the completion of the first surgical cases with its {product} {device_lower}"),
    "financing": Event(
        ("{company} Raises {amount} to Expand {product} Platform",
         "{company} Closes {amount} Financing – Plans {product} Expansion"),
        "{company} raises {amount}",
        "{company} closed a {amount} funding round to expand its {product} platform.",
        "the close of a {amount} growth financing", "business-finance"),
    "acquisition": Event(
        ("{company} to Acquire {other_company}", "{company} Agrees to Acquire {other_company}"),
        "{company} to acquire {other_company} for {amount}",
        "{company} has agreed to acquire {other_company} in a deal valued at {amount}.",
        "a definitive agreement to acquire {other_company}", "business-finance"),
    "appointment": Event(
        ("{company} Names {exec} {title_case}", "{company} Appoints {exec} as {title_case}"),
        "{company} names {exec} {exec_title}",
        "{company} has named {exec} as {exec_title}. {exec} joins from {other_company}.",
        "the appointment of {exec} as {exec_title}"),
    "partnership": Event(
        ("{company} & {other_company} Announce Distribution Partnership",
         "{company} and {other_company} Partner on {product} Distribution"),
        "{company} and {other_company} sign distribution deal",
        "{company} and {other_company} will distribute the {product} {device_lower} together.",
        "a distribution partnership with {other_company}"),
    "clearance": Event(
        ("{company} Receives FDA 510(k) Clearance for {product} {device}",
         "FDA Clears {company_poss} {product} {device}",
         "{company} Earns FDA Nod for “{product}” {device}"),
        "FDA clears {company_poss} {product} {device_lower}",
        "The FDA has cleared the {product} {device_lower} from {company} ({knum}).",
        "510(k) clearance from the U.S. Food and Drug Administration for the {product} "
        "{device_lower}"),
    "hire": Event((), "{surgeon} joins {hospital}",
                  "{surgeon} has joined {hospital} as {surgeon_role}."),
    "center": Event((), "{company} opens ASC in {hospital_city}",
                    "{company} opened an ambulatory surgery center in {hospital_city} with "
                    "{small} operating rooms.", category="practice-management"),
    "earnings": Event((), "{company_poss} spine revenue climbs {pct}%",
                      "{company} reported {pct}% revenue growth in its spine business for the "
                      "quarter.", category="business-finance"),
    "study": Event((), "New data on {procedure} outcomes: what surgeons should know",
                   "A study presented this month examined {procedure} outcomes in {cases} "
                   "patients."),
}
RELEASES = ("launch", "first_cases", "financing", "acquisition", "appointment", "partnership")
NEWS = ("acquisition", "hire", "center", "financing", "earnings", "first_cases", "study")

DETAIL = (
    "The {product} {device_lower} is designed to give surgeons {benefit} and {benefit}.",
    "The system was developed with input from more than {num} surgeons in {small} countries.",
    "{company} said the {device_noun} was used in {cases} procedures during a limited release.",
    "The company expects to expand availability to {region_lower} markets during {next_year}.",
    "Proceeds will fund manufacturing, the commercial team and a multicenter clinical study.",
    "The {device_noun} is indicated for {indication}.",
    "Early users reported {benefit} in cases from routine {procedure} to revision surgery.",
    "The instrument set fits in {small} trays, down from {num} for the previous generation.",
    "Terms of the agreement were not disclosed.",
    "{company} reported revenue growth of {pct}% in its most recent fiscal year.",
    "A surgeon education program will accompany the rollout, with cadaver labs in {small} "
    "cities.")
NEWS_DETAIL = (
    "The move comes as more spine procedures shift to the outpatient setting.",
    "{surgeon} completed a spine fellowship and has performed more than {cases} procedures.",
    "Analysts have watched {company} closely since it entered the {market_lower} market.",
    "The company said {technology} now plays a role in about {pct}% of its cases.",
    "The deal is expected to close within {months} months.",
    "Physicians hold a majority stake in the new facility.",
    "Commercial payers in the region have begun covering the procedure in the outpatient "
    "setting.",
    "{surgeon} previously practiced at {hospital2} for {years} years.",
    "Industry observers expect further consolidation among mid-sized spine companies.",
    "The company said the funding gives it a cash runway into {next_year2}.")
BENEFITS = ("a larger implant footprint through a smaller access window",
            "consistent screw trajectories", "fewer instrument trays", "immediate stability",
            "less radiation exposure for the OR team", "predictable lordosis",
            "shorter operative times", "a single-step insertion technique")
QUOTES = (
    "We built the {product} around a simple idea: surgeons should not have to trade {benefit} "
    "for {benefit}",
    "This milestone reflects years of work by our engineers and the surgeons who gave us "
    "candid feedback along the way",
    "Our customers asked for a system that works as well in an ambulatory surgery center as "
    "in a large hospital",
    "The response from early users has exceeded our expectations",
    "With this financing we can move faster on our pipeline and reach more patients",
    "Patients expect to get back to their lives quickly, and our technology is built around "
    "that expectation")
SURGEON_QUOTES = (
    "In my first {cases} cases the {device_noun} has been intuitive, and my team picked up the "
    "workflow quickly",
    "What stood out to me was how little the system changes the way I already operate",
    "Having {benefit} matters a great deal when you are doing {procedure} in an outpatient "
    "setting",
    "My patients care about recovery, and anything that gets them home sooner is worth "
    "paying attention to")
ABOUT = (
    "{company} is {company_what} headquartered in {hq}.",
    "Founded in {founded}, the company markets its products in more than {num} countries.",
    "Its portfolio includes {num} cleared devices for {indication}.",
    "The company’s mission is to improve outcomes for patients with musculoskeletal disease "
    "through thoughtful engineering.",
    "The company is backed by a group of healthcare investors and practicing surgeons.")
FORWARD = (
    "This press release contains forward-looking statements, including statements about the "
    "expected benefits of the {product} and {company_poss} future growth. Words such as "
    "“anticipate,” “believe,” “expect” and “will” identify such statements. They are subject "
    "to risks and uncertainties that could cause actual results to differ materially. "
    "{company} undertakes no obligation to update any forward-looking statement.")
CLEARANCE = (
    "The U.S. Food and Drug Administration granted 510(k) clearance to the {product} "
    "{device_lower} ({knum}).",
    "The clearance covers use in {indication}.",
    "The {device_noun} is made from {material} and is available in {num} sizes.",
    "{company} plans a limited market release at {small} U.S. centers before a full launch in "
    "{next_year}.",
    "The submission relied on bench testing and a comparison with predicate devices.",
    "Surgeons at {hospital} were among the first to evaluate the system in cadaver labs.",
    "The company said the design could cut operating time for {procedure} by {pct}%.")
MATERIALS = ("titanium alloy", "PEEK", "porous titanium", "cobalt chrome", "stainless steel")
FEATURES = ("Integrated fixation with {small} locking screws",
            "Lordotic options from 6 to 20 degrees", "A porous surface designed for ongrowth",
            "Color-coded single-use trial instruments",
            "Compatibility with the company’s navigation platform",
            "An insertion tool that works through a {small}-millimeter portal",
            "Streamlined two-tray instrument set")
THINGS = (
    "The deal was announced on {weekday}.", "{company} has {num} products on the market.",
    "Revenue grew {pct}% year over year.",
    "The company plans to hire {num} sales representatives.",
    "{technology} will be a focus of the combined portfolio.",
    "{surgeon} served as a design surgeon on the project.",
    "Surgeons performed {cases} cases during the limited release.",
    "The company expects full launch in {next_year}.")

INTERVIEW_INTROS = (
    "{surgeon}, {surgeon_role} at {hospital} in {hospital_city}, discussed {topic} and what "
    "younger surgeons should know.",
    "We asked {surgeon}, {surgeon_role} at {hospital}, how {topic} is changing practice.")
QUESTIONS = (
    "What has changed most in {topic} over the past five years?",
    "Where do you see the biggest opportunity in {topic}?",
    "What is one mistake you see younger surgeons make?", "How are payers responding to {topic}?",
    "What role does {technology} play in your practice today?",
    "How do you decide which patients are good candidates for {procedure}?",
    "If you could change one thing about training, what would it be?",
    "How has your practice adapted to the shift toward ambulatory surgery centers?",
    "How do you measure whether a new device is worth adopting?")
ANSWERS = (
    "When I started at {hospital}, almost every {procedure} was an inpatient case.",
    "Today roughly {pct}% of our {procedure} patients go home the same day.",
    "The technology is only as good as the workflow around it.",
    "I tell fellows to spend as much time on indications as they spend on technique.",
    "Payers are paying attention to total cost of care, not just the implant price.",
    "We started using {technology} about {small} years ago and the learning curve was steep.",
    "Our complication rate for {procedure} dropped after we standardized the protocol.",
    "Patients are far better informed than they were a decade ago, which I welcome.",
    "Honestly, I think {topic} is overhyped in some places and underused in others.",
    "A good surgeon knows when not to operate.",
    "The data on {technology} is still maturing, and I try to be honest with patients.",
    "Ambulatory surgery centers have forced all of us to be more efficient.",
    "Prior authorization is the single biggest source of frustration in my clinic.",
    "I would rather adopt one technology well than five technologies badly.",
    "Every new device has to answer one question for me: does it make the operation safer?",
    "Reimbursement has not kept pace with the complexity of what we do.")
BIOS = (
    "{surgeon} is {surgeon_role} at {hospital}. {surgeon_last} focuses on {topic} and has "
    "published more than {num} papers.",
    "{surgeon} leads the {topic} program at {hospital}, where {surgeon_last} has performed "
    "more than {cases} procedures.",
    "{surgeon} completed residency in {hospital_city} and now practices at {hospital}.")
LAUNCHES = (
    "{company} launched the {product} {device_lower}, which is indicated for {indication}.",
    "{company} received FDA clearance for the {product} {device_lower} and began a limited "
    "release at {small} centers.",
    "The {product} from {company} adds {benefit} to the company’s portfolio.")

STUDY_TITLES = (
    "Study: {technology} linked to fewer revisions after {procedure}",
    "{procedure} in the ASC: {cases}-patient study finds lower costs",
    "Does {factor_title} Affect Outcomes After {short}?",
    "{factor_cap} and {short}: What {cases} Patients Tell Us")
STUDY_OPENERS = (
    "{lead} et al. reviewed {cases} patients who underwent {procedure} at {hospital} between "
    "{year_a} and {year_b}.",
    "In the {issue} issue of The Journal of Bone & Joint Surgery, {lead} et al. report on "
    "{procedure} in {cases} patients.",
    "A cohort study by {lead} et al. asks whether {factor} matters after {procedure}.")
METHODS = (
    "The authors compared patients with and without {factor}, adjusting for age, sex and "
    "comorbidities.",
    "The primary outcome was {outcome} at {months} months.",
    "Follow-up was complete for {pct_high}% of the cohort.",
    "Two surgeons who did not know the group assignments reviewed every radiograph.")
RESULTS = (
    "Patients treated with {technology} had a {pct}% lower rate of revision surgery.",
    "Patients with {factor} had a higher rate of {bad_outcome} within {small} years.",
    "The difference in {outcome} did not reach the minimal clinically important difference.",
    "Readmissions within 90 days occurred in {pct_small}% of patients.",
    "Costs were {pct_small}% lower when surgery took place in an ambulatory surgery center.",
    "Length of stay was about half a day longer for patients with {factor}.")
TAKEAWAYS = (
    "The authors caution that the study was retrospective and drawn from one center.",
    "For now, the findings support a frank conversation about {factor} before {procedure}.",
    "Whether these results hold in lower-volume centers remains an open question.",
    "A randomized trial would settle the question, though one would be hard to run.")
FINDINGS = ("Fusion rates exceeded {pct_high}% at one year",
            "No implant-related serious adverse events were reported",
            "Opioid use fell by {pct}% after discharge",
            "{pct_high}% of patients returned to work within {small} months",
            "Blood loss was lower by an average of {num} milliliters")

MARKET_TITLES = ("{region} {market} Market to Reach {billions} by {year_far}: Report",
                 "{market} Market Will Grow {cagr}% a Year Through {year_far}, {firm} Says",
                 "{region} {market} Market Outlook – Growth, Risks & Key Players")
MARKET_LEADS = (
    "The {region_lower} {market_lower} market is expected to reach {billions} by {year_far}, "
    "according to a new report from {firm}.",
    "By {year_far}, the {region_lower} {market_lower} market could be worth {billions}, "
    "{firm} projects.")
MARKET_DETAIL = (
    "The report projects a compound annual growth rate of {cagr}% over the forecast period.",
    "Growth is driven by an aging population and demand for minimally invasive procedures.",
    "Pricing pressure from hospital purchasing groups remains the biggest headwind.",
    "Enabling technology such as {technology} is the fastest-growing segment.",
    "Mid-sized companies are increasingly targets for acquisition by larger players.",
    "North America held about {pct}% of global revenue last year.")
MARKET_FINDINGS = ("{segment} revenue is forecast to grow {cagr}% a year",
                   "Outpatient procedures will make up {pct}% of volume by {year_far}",
                   "The top five companies hold about {pct}% of the market",
                   "{region} demand is growing fastest")

LEGAL = (  # (title, lead) of one kind of case
    ("{company} Settles Patent Fight With {other_company} for {amount}",
     "{company} has agreed to pay {amount} to settle claims that its {product} "
     "{device_lower} copied designs patented by {other_company}."),
    ("Jury Sides With {company} in {device_noun} Patent Case",
     "A federal jury found that {company} did not infringe patents held by {other_company}."),
    ("Whistleblower Suit Targets {company_poss} Surgeon Consulting Deals",
     "A former sales director at {company} says the company tied consulting fees to the "
     "number of {product} implants surgeons used."),
    ("{company} Pays {amount} to Close Federal Kickback Probe",
     "{company} will pay {amount} to resolve an investigation into payments it made to spine "
     "surgeons between {year_a} and {year_b}."))
LEGAL_DETAIL = (
    "Neither company admitted wrongdoing as part of the agreement.",
    "The complaint was unsealed this week after the government declined to intervene.",
    "Lawyers for {other_company} said they would review the ruling before deciding on an "
    "appeal.",
    "The judge had earlier thrown out {small} of the {num} claims in the original complaint.",
    "{company} said in a statement that it was pleased to put the matter behind it.")
ALLEGATIONS = ("Surgeons received consulting fees of up to {amount} a year for little work",
               "Sales staff tracked implant volume surgeon by surgeon",
               "Royalties were paid on products the surgeons did not help design",
               "Internal compliance warnings were ignored for {small} years")

MOTIONS = ("Cemented Stems Remain the Standard After 80",
           "Robotics Has Earned Its Place in Routine TKA",
           "Short-Segment Fixation Is Enough for Burst Fractures",
           "Fusion Beats Disc Replacement at Two Levels",
           "Same-Day Discharge After Lumbar Fusion Is Safe")
DEBATE_INTROS = ("This week’s debate pits {pro}, who argues that {motion_lower}, against {con}, "
                 "who is not convinced.",
                 "Two surgeons, one question: is it true that {motion_lower}? {pro} says yes; "
                 "{con} says not so fast.")
FOR = ("{pro} began with the registry numbers, which show fewer early revisions.",
       "The argument for change, {pro} said, is mostly about consistency from case to case.",
       "{pro} conceded that the learning curve is real but said it flattens after {num} cases.",
       "In {pro}’s series of {cases} patients, complication rates fell by {pct}%.")
AGAINST = ("{con} answered that registry data cannot separate the technique from the surgeon.",
           "The best evidence, {con} argued, still comes from small trials with short "
           "follow-up.",
           "Money matters, {con} said, because every dollar spent here is not spent on rehab.",
           "{con} pointed to {small} randomized trials that found no difference at two years.")
VERDICTS = ("Our verdict: both surgeons made a strong case, and the evidence is still coming in.",
            "The debate is edited from a longer recorded conversation.")

ESSAY_TITLES = ("Why {topic} needs a new playbook", "Inside the {hospital_city} Spine Boom",
                "Where the {market} Money Is Going in {year}",
                "How {hospital} Rebuilt Its {procedure} Program")
HEADINGS = ("How We Got Here", "The Numbers", "What Surgeons Say", "The Business Case",
            "What Could Go Wrong", "What to Watch")
ESSAY = (
    "Ten years ago the idea would have been dismissed as a fad.",
    "Hospital administrators say the math only works when operating room time is used well.",
    "Several surgeons we spoke with asked not to be named because of consulting agreements.",
    "The shift has been slowest in rural markets, where staffing is the main constraint.",
    "Device companies have followed the volume, opening training centers nearby.",
    "Payers have started asking for outcome data before approving cases.")
RESEARCH = (  # (headline, finding) of one study in a research roundup
    ("Vitamin D Before Fusion?", "patients with low vitamin D before surgery were slower to fuse"),
    ("Smartwatch Data Predicts Falls",
     "wrist-worn sensors flagged a fall risk weeks before the first fall"),
    ("Cooling Wraps After TKA",
     "compression cooling cut pain scores in the first week after knee replacement"),
    ("Nerve Blocks and Delirium",
     "regional nerve blocks were linked to less delirium in older hip fracture patients"),
    ("Screw Pullout in Soft Bone",
     "cement-augmented screws resisted pullout far better in osteoporotic vertebrae"),
    ("Walking Early After Ankle Fracture",
     "bearing weight within two weeks of ankle fixation did not raise the failure rate"),
    ("Opioid-Free ACDF", "most patients went home after a one-level fusion without opioids"))
RESEARCH_OPENERS = ("Researchers at {hospital} report that {finding}.",
                    "A team from {hospital} in {hospital_city} found that {finding}.")

# A journal's blog (OrthoBuzz): lists of finds, specialty updates, guest posts, case reports.
FOUND_TITLES = ("Other Things OrthoBuzz Found This Week",
                "{n} Other Things OrthoBuzz Found Interesting",
                "OrthoBuzz Found: {topic_a}, {topic_b} and More")
FOUND_INTROS = ("Not everything we read this week made it into a full post. Here are a few "
                "more items worth your time.",
                "A quick list of what caught our attention between issues.")
FOUND = ("A registry analysis of {cases} {procedure} cases linking {factor} with {bad_outcome}.",
         "A survey of {num} residency programs on how they teach {procedure}.",
         "Five-year results comparing two rehabilitation protocols after {procedure}.",
         "A cost analysis suggesting that {factor} adds about ${hundreds} per episode of care.",
         "Wearable step counts as an early warning sign after {procedure}.")
UPDATE_TOPICS = ("Infection Prevention", "Outpatient Pathways", "Implant Survivorship",
                 "Rehabilitation", "Pain Management", "Bone Health", "Cost and Value")
UPDATE_INTROS = ("Each month OrthoBuzz highlights a JBJS specialty update. This time, {lead} "
                 "selected the most important studies in {specialty} from the past year.",
                 "The latest specialty update in JBJS covers {specialty}. Here are the themes "
                 "that stood out to us.")
UPDATE_POINTS = ("A {cases}-patient series found lower rates of {bad_outcome} when {factor} was "
                 "addressed before surgery.",
                 "Two trials reached opposite conclusions about {factor}, and the update "
                 "explains why.",
                 "Registry data from {small} countries showed steady improvement in {outcome}.")
GUEST_TITLES = ("Guest Post: Rethinking Follow-Up After {short}",
                "Guest Post: {factor_title} Is Our Problem Too",
                "Guest Post: Why I Stopped Ignoring {factor_title}")
GUEST = ("Early in my practice I measured success by the radiograph. It took me years to "
         "notice how often the radiograph and the patient disagreed.",
         "When I read the recent JBJS paper on {factor}, I recognized several of my own "
         "patients in its tables.",
         "We changed our clinic workflow so that every patient scheduled for {procedure} is "
         "screened for {factor}.",
         "Residents tend to assume that {bad_outcome} is bad luck. Often it is not.",
         "None of this requires new technology. It requires time, the scarcest resource in any "
         "clinic.")
GUEST_ROLES = ("an orthopaedic surgeon", "an assistant professor of orthopaedic surgery",
               "a PGY-5 orthopaedic resident", "a physical therapist and researcher")
CASE = ("A {age}-year-old {sport} player presented with {months_small} weeks of pain after a "
        "minor fall during practice.",
        "Plain radiographs were read as normal, and magnetic resonance imaging showed {rare}.",
        "The patient was treated surgically, and the postoperative course was uneventful.",
        "At {months} months, the patient had returned to full activity without symptoms.",
        "The authors stress that a normal radiograph does not end the workup when pain "
        "persists.")
CAPTIONS = ("Fig. 1 Anteroposterior radiograph at presentation.",
            "Fig. 2 Sagittal MRI showing the lesion (arrow).",
            "Fig. 3 Radiograph {months} months after surgery.")
ALTS = ("Graph of reoperation rates by group", "Radiograph after {procedure}",
        "Photo of the lead author at {hospital}", "Kaplan-Meier survival curve from the study")
JOURNAL_NEWS = (  # (title, first paragraph)
    ("JBJS Webinar on {topic_a}: Registration Now Open",
     "The next JBJS webinar takes place on {weekday} and features a panel on {topic_lower}."),
    ("New JBJS Podcast Episode: {topic_a}",
     "In the new episode, the editors discuss {topic_lower} with the authors of a recent "
     "study."),
    ("JBJS Names {lead_name} as Deputy Editor",
     "{lead_name} has served on the editorial board since {year_a} and practices at "
     "{hospital}."))
JOURNAL_MORE = ("Attendance is free for subscribers, and the recording will be posted afterward.",
                "Questions can be sent to the editorial office through the contact page.")

HIGHLIGHTS = ("Key takeaways for surgeons and administrators", "What the news means for {topic}",
              "Why investors are watching {market_lower}", "Where {topic} goes from here")
COMMENTS = (
    "Great summary. We switched to same-day discharge for one-level cases last year.",
    "Would love to see longer-term data before our value analysis committee looks at this.",
    "Has anyone seen pricing for the ASC channel yet?",
    "Another acquisition. Fewer independent companies every year, which worries me.",
    "Thanks for covering this, hard to find balanced reporting on robotics.",
    "Would be curious to know how many patients were lost to follow-up.",
    "Sharing this with our residents for journal club next week.",
    "Congratulations to the whole team, well deserved.")
