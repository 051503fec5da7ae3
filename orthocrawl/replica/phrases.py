"""Sentence templates. ``{slot}`` names a fact of the post or a random pick (see writing.py)."""

from __future__ import annotations

BENEFITS = (
    "a larger implant footprint through a smaller access window", "consistent screw trajectories",
    "fewer instrument trays", "faster setup in the ambulatory setting", "immediate stability",
    "less radiation exposure for the OR team", "predictable lordosis", "a streamlined workflow",
    "shorter operative times", "better visualization of the disc space",
    "a single-step insertion technique", "reproducible sagittal alignment",
)

PRESS_DETAIL = (
    "The {product} {device_lower} is designed to give surgeons {benefit} and {benefit}.",
    "The system was developed with input from more than {num} surgeons in {small} countries.",
    "{company} said the launch follows a limited market release in which the {device_noun} was "
    "used in {cases} procedures at {small} sites.",
    "The company expects to expand availability to {region_lower} markets during {next_year}.",
    "Proceeds will be used to scale manufacturing, build out the commercial team and fund a "
    "multicenter clinical study.",
    "The {device_noun} is indicated for {indication}.",
    "Early users reported {benefit} in cases ranging from routine {procedure} to revision "
    "surgery.",
    "{company} will showcase the {product} at its booth during the annual spine society meeting "
    "this fall.",
    "The instrument set fits in {small} trays, down from {num} for the company’s previous "
    "generation.",
    "According to the company, the {device_noun} is available in {num} footprints and {small} "
    "lordotic angles.",
    "The round was led by a healthcare-focused growth fund, with participation from existing "
    "investors.",
    "{company} has now raised more than {amount} since its founding.",
    "The deal adds a portfolio of {num} cleared products and roughly {num} employees to "
    "{company}.",
    "Terms of the agreement were not disclosed.",
    "The companies will integrate their sales channels over the next {months} months.",
    "{company} reported revenue growth of {pct}% in its most recent fiscal year.",
    "The design draws on {small} years of clinical data from the company’s earlier platform.",
    "A surgeon education program will accompany the rollout, with cadaver labs planned in "
    "{small} cities.",
)
PRESS_QUOTE = (
    "We built the {product} around a simple idea: surgeons should not have to trade {benefit} "
    "for {benefit}",
    "This milestone reflects years of work by our engineering team and the surgeons who gave "
    "us candid feedback along the way",
    "Our customers asked for a system that works as well in an ambulatory surgery center as it "
    "does in a large hospital, and that is what we set out to deliver",
    "We see enormous room to improve how {procedure} is performed, and this is our first step",
    "The response from early users has exceeded our expectations",
    "With this financing we can move faster on our pipeline and reach more patients",
    "Adding this team gives us the scale to compete across the full continuum of spine care",
    "Our goal is to make advanced techniques accessible to every surgeon, not only to the "
    "largest academic centers",
    "Patients expect to get back to their lives quickly, and our technology is built around "
    "that expectation",
)
SURGEON_QUOTE = (
    "In my first {cases} cases the {device_noun} has been intuitive, and my team picked up the "
    "workflow quickly",
    "What stood out to me was how little the system changes the way I already operate",
    "Having {benefit} matters a great deal when you are doing {procedure} in an outpatient "
    "setting",
    "I have used a lot of systems over {years} years in practice, and this one was clearly "
    "designed with input from surgeons",
    "My patients care about recovery, and anything that gets them home sooner with less pain "
    "is worth paying attention to",
)
ABOUT = (
    "{company} is {company_desc} headquartered in {hq}.",
    "Founded in {founded}, the company markets its products in more than {num} countries.",
    "Its portfolio includes {num} cleared devices for {indication}.",
    "The company’s mission is to improve outcomes for patients with musculoskeletal disease "
    "through thoughtful engineering.",
    "{company} employs roughly {hundreds} people and operates a manufacturing facility in "
    "{hq}.",
    "The company is backed by a group of healthcare investors and practicing surgeons.",
)
FORWARD = (
    "This press release contains forward-looking statements, including statements about the "
    "expected benefits of the {product}, the timing of its commercial availability and "
    "{company_poss} future growth. Words such as “anticipate,” “believe,” “expect,” “plan” and "
    "“will” identify such statements. They are based on current expectations and are subject "
    "to risks and uncertainties that could cause actual results to differ materially, "
    "including regulatory decisions, market acceptance and competition. {company} undertakes "
    "no obligation to update any forward-looking statement, except as required by law."
)

FDA_DETAIL = (
    "The U.S. Food and Drug Administration granted 510(k) clearance to the {product} "
    "{device_lower} (K{knum}).",
    "The clearance covers use in {indication}.",
    "The {device_noun} is made from {material} and is available in {num} sizes.",
    "{company} plans a limited market release at {small} U.S. centers before a full launch in "
    "{next_year}.",
    "The submission relied on bench testing and a comparison with predicate devices already "
    "on the market.",
    "This is the company’s {ordinal} FDA clearance in {small} years.",
    "Surgeons at {hospital} were among the first to evaluate the system in cadaver labs.",
    "The company said the design could reduce operating time for {procedure} by as much as "
    "{pct}%.",
    "A CE mark application for the same device is under review in Europe.",
)
MATERIALS = (
    "titanium alloy", "PEEK", "porous titanium", "cobalt chrome", "a titanium-coated polymer",
    "stainless steel", "a bioresorbable polymer",
)
FDA_FEATURES = (
    "Integrated fixation with {small} locking screws", "Lordotic options from 6 to 20 degrees",
    "A porous surface designed for bony ongrowth", "Color-coded single-use trial instruments",
    "Compatibility with the company’s navigation platform", "Graft windows sized for "
    "autograft or allograft", "An insertion tool that works through a {small}-millimeter portal",
    "Low-profile plate geometry", "Streamlined two-tray instrument set",
)

INTERVIEW_INTRO = (
    "{surgeon}, {surgeon_role} at {hospital} in {hospital_city}, discussed {topic} and what "
    "younger surgeons should know.",
    "{surgeon} has practiced at {hospital} for {years} years. {surgeon_last} recently talked "
    "about {topic}.",
    "We asked {surgeon}, {surgeon_role} at {hospital}, how {topic} is changing day-to-day "
    "practice.",
)
QUESTIONS = (
    "How did you become interested in {field}?",
    "What has changed most in {topic} over the past five years?",
    "Where do you see the biggest opportunity in {topic} over the next decade?",
    "What is one mistake you see younger surgeons make?",
    "How are payers responding to {topic}?",
    "What role does {technology} play in your practice today?",
    "What’s the most underrated skill in {field}?",
    "How do you decide which patients are good candidates for {procedure}?",
    "What keeps you up at night as a department leader?",
    "If you could change one thing about training, what would it be?",
    "How has your practice adapted to the shift toward ambulatory surgery centers?",
    "Which technologies have disappointed you?",
    "What advice would you give a surgeon starting practice this year?",
    "How do you measure whether a new device is worth adopting?",
)
ANSWERS = (
    "When I started at {hospital}, almost every {procedure} was an inpatient case.",
    "Today roughly {pct}% of our {procedure} patients go home the same day.",
    "The technology is only as good as the workflow around it, and that is where most programs "
    "struggle.",
    "I tell fellows to spend as much time on indications as they spend on technique.",
    "Payers are paying attention to total cost of care, not just the implant price.",
    "We started using {technology} about {small} years ago and the learning curve was steeper "
    "than the marketing suggested.",
    "Our complication rate for {procedure} dropped after we standardized the protocol.",
    "Patients are far better informed than they were a decade ago, which I welcome.",
    "The biggest change has been in how we manage pain after surgery.",
    "Honestly, I think {topic} is overhyped in some places and underused in others.",
    "My partners and I review every case that goes back to the operating room within "
    "{months} months.",
    "A good surgeon knows when not to operate.",
    "We now see patients in their eighties who are healthier than some of my patients in "
    "their fifties.",
    "The data on {technology} is still maturing, and I try to be honest with patients about "
    "that.",
    "I did my fellowship in {hospital_city}, and my mentor there insisted on detailed "
    "operative notes.",
    "Ambulatory surgery centers have forced all of us to be more efficient.",
    "Prior authorization is the single biggest source of frustration in my clinic.",
    "We track outcomes for {cases} patients a year in a registry we built ourselves.",
    "I would rather adopt one technology well than five technologies badly.",
    "Communication with anesthesia and nursing matters more than any implant.",
    "Younger surgeons are much more comfortable with data and software than my generation was.",
    "Every new device has to answer one question for me: does it make the operation safer?",
    "We learned a lot from our early cases, including a few that did not go to plan.",
    "Reimbursement has not kept pace with the complexity of what we do.",
    "The industry has become better at listening to surgeons, though not uniformly.",
)
FIELDS = (
    "spine surgery", "orthopedics", "joint replacement", "neurosurgery", "sports medicine",
    "spinal deformity",
)

NEWS_LEAD = (
    "{company} has agreed to acquire {other_company} in a deal valued at {amount}.",
    "{surgeon} has joined {hospital} as {surgeon_role}.",
    "{company} opened a new ambulatory surgery center in {hospital_city} with {small} "
    "operating rooms.",
    "{company} closed a {amount} funding round to expand its {product} platform.",
    "A new study presented this month examined {procedure} outcomes in {cases} patients.",
    "{company} reported {pct}% revenue growth in its spine business for the quarter.",
    "{hospital} performed its first {procedure} using {technology} this month.",
)
NEWS_DETAIL = (
    "The move comes as more spine procedures shift to the outpatient setting.",
    "{surgeon} completed a fellowship in spine surgery and has performed more than {cases} "
    "procedures.",
    "The center expects to perform about {hundreds} procedures in its first year.",
    "Analysts have watched {company} closely since it entered the {market_lower} market.",
    "The company said {technology} now plays a role in about {pct}% of its cases.",
    "The deal is expected to close within {months} months.",
    "{company} did not disclose how many employees would join the combined company.",
    "Physicians hold a majority stake in the new facility.",
    "The investment follows a year in which the company doubled its surgeon user base.",
    "Commercial payers in the region have begun covering the procedure in the outpatient "
    "setting.",
    "The health system plans to recruit {small} more spine surgeons over the next two years.",
    "{surgeon} previously practiced at {hospital2} for {years} years.",
    "Industry observers expect further consolidation among mid-sized spine companies.",
    "The company said the funding gives it a cash runway into {next_year2}.",
)
THINGS = (
    "The deal was announced on {weekday}.",
    "{company} has {num} products on the market.",
    "Revenue grew {pct}% year over year.",
    "The company plans to hire {num} sales representatives.",
    "{technology} will be a focus of the combined portfolio.",
    "{surgeon} served as a design surgeon on the project.",
    "The facility sits near {hospital} in {hospital_city}.",
    "Surgeons performed {cases} cases during the limited release.",
    "The company expects full launch in {next_year}.",
    "Physician owners include {small} spine surgeons and {small} pain specialists.",
)
STUDY_DETAIL = (
    "Researchers at {hospital} reviewed {cases} patients who underwent {procedure} between "
    "{year_a} and {year_b}.",
    "Patients treated with {technology} had a {pct}% lower rate of revision surgery "
    "(p&lt;0.05).",
    "Mean operative time was {num} minutes shorter in the study group.",
    "The authors cautioned that the study was retrospective and drawn from a single center.",
    "Length of stay averaged {small} days, compared with {small2} days in the control group.",
    "Patient-reported outcomes improved in both groups at {months} months.",
    "The study was published in a peer-reviewed orthopedic journal.",
    "{surgeon} served as the study’s senior author.",
    "Readmissions within 90 days occurred in {pct_small}% of patients.",
    "Costs were {pct_small}% lower when surgery took place in an ambulatory surgery center.",
)
STUDY_FINDINGS = (
    "Fusion rates exceeded {pct_high}% at one year", "No implant-related serious adverse "
    "events were reported", "Opioid use fell by {pct}% after discharge",
    "{pct_high}% of patients returned to work within {small} months",
    "Blood loss was lower by an average of {num} milliliters",
    "Radiation exposure for surgeons dropped by {pct}%",
)

MARKET_LEAD = (
    "The {region_lower} {market_lower} market is expected to reach {billions} by {year_far}, "
    "according to a new report from {firm}.",
    "By {year_far}, the {region_lower} {market_lower} market could be worth {billions}, "
    "{firm} projects.",
)
MARKET_DETAIL = (
    "The report projects a compound annual growth rate of {cagr}% over the forecast period.",
    "Growth is driven by an aging population and rising demand for minimally invasive "
    "procedures.",
    "Pricing pressure from hospital purchasing groups remains the biggest headwind.",
    "Ambulatory surgery centers are expected to account for a growing share of procedure "
    "volume.",
    "Enabling technology such as {technology} is the fastest-growing segment.",
    "The report’s authors surveyed {num} hospital executives and {hundreds} surgeons.",
    "Reimbursement changes could slow adoption in some regions.",
    "Mid-sized companies are increasingly targets for acquisition by larger players.",
    "North America held about {pct}% of global revenue last year.",
    "The authors note that supply chain disruptions eased during the past {small} quarters.",
)
MARKET_FINDINGS = (
    "{segment} revenue is forecast to grow {cagr}% a year",
    "Outpatient procedures will make up {pct}% of volume by {year_far}",
    "The top five companies hold about {pct}% of the market",
    "{region} demand is growing fastest",
    "Average selling prices are expected to decline {pct_small}% annually",
    "Procedure volumes recovered fully by {year_a}",
)

LIST_ITEM_BIO = (
    "{surgeon} is {surgeon_role} at {hospital}. {surgeon_last} focuses on {topic} and has "
    "published more than {num} peer-reviewed papers.",
    "{surgeon} leads the {topic} program at {hospital}, where {surgeon_last} has "
    "performed more than {cases} procedures.",
    "{surgeon} completed residency in {hospital_city} and now practices at {hospital}. "
    "{surgeon_last} is a design surgeon for several implant systems.",
    "At {hospital}, {surgeon} has built one of the region’s busiest {procedure} practices. "
    "{surgeon_last} also teaches residents.",
)
ROUNDUP_ITEM = (
    "{company} launched the {product} {device_lower}, which is indicated for {indication}.",
    "{company} received FDA clearance for the {product} {device_lower} and began a limited "
    "release at {small} centers.",
    "{company} introduced {product}, a {device_lower} built for {procedure} in the outpatient "
    "setting.",
    "The {product} from {company} adds {benefit} to the company’s existing portfolio.",
)

HIGHLIGHTS = (
    "Key takeaways for surgeons and administrators",
    "What the announcement means for {field}",
    "Why investors are watching {market_lower}",
    "A quick look at the numbers behind the deal",
    "Where {topic} goes from here",
    "How the new system fits into existing workflows",
)
COMMENTS = (
    "Great summary. We switched to same-day discharge for one-level cases last year and our "
    "readmission numbers held steady.",
    "Would love to see longer-term data before our value analysis committee looks at this.",
    "Interesting read. The instrument tray reduction alone would make our sterile processing "
    "team happy.",
    "Has anyone seen pricing for the ASC channel yet?",
    "I trained under one of the design surgeons and can vouch for the attention to detail.",
    "Another acquisition. Fewer independent companies every year, which worries me.",
    "Thanks for covering this, hard to find balanced reporting on robotics.",
    "The payer angle is the real story here. Nobody is talking about prior authorization.",
    "Our group looked at this system last spring. The learning curve was real but manageable.",
    "Curious how this compares with the older generation in revision cases.",
    "Appreciate the interview format. More of these please!",
    "We opened a similar center two years ago and volume took about nine months to ramp.",
)
FOOTER_ABOUT = (
    "OrthoSpineNews covers the people, companies and ideas shaping orthopedic and spine care, "
    "with daily news, surgeon interviews and market analysis since 2011."
)
NEWSLETTER_PITCH = "Get the week’s orthopedic and spine news in your inbox every Friday morning."
