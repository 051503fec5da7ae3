"""The replicas' fictional industry: companies, devices, people, places and the outlets that
cover them. Every name is invented; the same cast serves every publisher's replica."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Company:
    name: str
    what: str  # "a developer of ...", as a press release's first sentence puts it
    hq: str
    domain: str  # its web site: https://www.{domain}.example/

    @property
    def site(self) -> str:
        return f"https://www.{self.domain}.example/"

    @property
    def dateline(self) -> str:
        """``AUSTIN, Texas``: where its press releases are dated."""
        city, _, state = self.hq.partition(", ")
        return city.upper() + (f", {state}" if state else "")


@dataclass(frozen=True, slots=True)
class Device:
    name: str  # "Lumbar Interbody Fusion System"
    noun: str  # "cage"
    indication: str

    @property
    def spine(self) -> bool:
        return any(k in self.name for k in ("Spine", "Interbody", "Cervical", "Pedicle",
                                             "Lumbar", "Sacroiliac", "Cage", "Vertebral"))


C = Company
COMPANIES: tuple[Company, ...] = (
    C("Corvane Spine", "a developer of minimally invasive spinal implants", "Austin, Texas",
      "corvanespine"),
    C("Meridex Orthopedics", "a musculoskeletal device company focused on joint reconstruction",
      "Warsaw, Ind.", "meridexortho"),
    C("Norvia Biologics", "a regenerative medicine company developing bone graft substitutes",
      "San Diego", "norviabio"),
    C("Tessaline Medical", "a maker of navigation and imaging systems for spine surgery",
      "Minneapolis", "tessaline"),
    C("Quillon Spine", "a privately held spinal technology company", "Memphis, Tenn.",
      "quillonspine"),
    C("Sablecrest Surgical", "a surgical robotics company", "Boston", "sablecrest"),
    C("Lumora Health", "a digital health company building recovery software for orthopedic "
      "patients", "Denver", "lumorahealth"),
    C("Castorra Orthopaedics", "a European orthopaedic implant manufacturer", "Zürich",
      "castorra"),
    C("Vantrell MedTech", "a contract manufacturer of titanium and PEEK implants", "Cleveland",
      "vantrellmedtech"),
    C("Ostrada Spine Technologies", "a company focused on sacroiliac joint and pelvic fixation",
      "Nashville, Tenn.", "ostradaspine"),
    C("Nexilo Robotics", "a developer of compact robotic guidance for spine and trauma",
      "Pittsburgh", "nexilo"),
    C("Selvane Orthopedics", "a sports medicine and extremities company", "Raleigh, N.C.",
      "selvane"),
    C("Torvik Medical", "a Scandinavian maker of trauma plating systems", "Göteborg, Sweden",
      "torvikmedical"),
    C("Aurelle Spine", "a motion-preservation company developing cervical and lumbar discs",
      "Irvine, Calif.", "aurellespine"),
    C("Ivoryth Surgical", "a maker of single-use instruments for outpatient surgery",
      "Salt Lake City", "ivoryth"),
    C("Junora Biomedical", "a company developing cell-based therapies for disc degeneration",
      "Cambridge, Mass.", "junorabio"),
    C("Kavanel Implant Systems", "a 3D-printed implant manufacturer", "Columbus, Ohio",
      "kavanel"),
    C("Mirandel Health Partners", "a physician-led management company for orthopedic "
      "practices", "Tampa, Fla.", "mirandelhealth"),
    C("Nimbra Orthopedics", "a foot and ankle device company", "Charlotte, N.C.", "nimbraortho"),
    C("Ondrava Medical", "a developer of intraoperative neuromonitoring systems", "Montréal",
      "ondrava"),
    C("Praxley Spine", "a spinal deformity company", "Phoenix", "praxleyspine"),
    C("Rivanne Technologies", "an augmented reality surgical visualization company", "Seattle",
      "rivanne"),
    C("Valoran Bone & Joint", "an orthopedic device maker serving ambulatory surgery centers",
      "Louisville, Ky.", "valoran"),
    C("Wexlin Surgical", "a spinal endoscopy company", "Kraków, Poland", "wexlin"),
    C("Zephrion Medical", "a company developing AI-based surgical planning software",
      "Palo Alto, Calif.", "zephrion"),
    C("Brevora Spine", "a maker of expandable interbody cages", "Jacksonville, Fla.",
      "brevoraspine"),
    C("Fenmore Medical", "a privately held maker of kyphoplasty and vertebral augmentation "
      "systems", "Lyon, France", "fenmoremedical"),
    C("Halvex Spine & Trauma", "a spine and trauma device company", "São Paulo", "halvexspine"),
)
PRODUCT_ROOTS = ("Trellan", "Quorra", "Vexalon", "Kinetra", "Arclyn", "Helixa", "Ostavo",
                 "Lumbrix", "Cervana", "Fusera", "Tanzo", "Orivel", "Pivora", "Sentrix",
                 "Alvara", "Coralis", "Solenne", "Varix", "Nuvella", "Strivo", "Ridgeline")
PRODUCT_SUFFIXES = ("", "", "", "-L", " TL", " 2.0", " Pro", " XT", "-C", " Max")
D = Device
DEVICES: tuple[Device, ...] = (
    D("Lumbar Interbody Fusion System", "cage", "degenerative disc disease of the lumbar spine"),
    D("Expandable Interbody Cage", "cage", "one- or two-level lumbar fusion"),
    D("Pedicle Screw System", "screw system", "posterior thoracolumbar fixation"),
    D("Anterior Cervical Plate", "plate", "anterior cervical discectomy and fusion"),
    D("Cervical Disc Replacement", "disc", "single-level cervical radiculopathy"),
    D("Sacroiliac Joint Fusion Implant", "implant", "sacroiliac joint dysfunction"),
    D("Bone Graft Substitute", "graft", "filling bony voids in the posterolateral spine"),
    D("Navigation Platform", "platform", "image-guided spine and cranial procedures"),
    D("Robotic Guidance System", "robot", "screw placement in the thoracolumbar spine"),
    D("Vertebral Augmentation System", "system", "painful vertebral compression fractures"),
    D("Total Knee System", "knee", "primary total knee arthroplasty"),
    D("Hip Stem", "stem", "primary total hip arthroplasty"),
    D("Suture Anchor", "anchor", "soft tissue repair in the shoulder and knee"),
    D("Endoscopic Spine System", "system", "full-endoscopic lumbar decompression"),
    D("Intramedullary Nail", "nail", "fractures of the femur and tibia"),
    D("Foot and Ankle Plating System", "plating system", "midfoot and hindfoot arthrodesis"),
)

FIRST_NAMES = (
    "Priya", "Tomás", "Aurélie", "Jonas", "Amara", "Søren", "Mei-Lin", "Rafael", "Ingrid",
    "Kwame", "Leila", "Mateo", "Noor", "Elena", "Hiroshi", "Chidi", "Björn", "Lucía", "Adaeze",
    "Callum", "Dmitri", "Farah", "Gideon", "Hana", "Ilse", "Jovan", "Keiko", "Lorenzo", "Maren",
    "Nikhil", "Oona", "Pascal", "Rosalind", "Saoirse", "Tariq", "Ulrike", "Viktor", "Wren",
    "Yusuf", "Zofia", "Anders", "Beatriz", "Cormac", "Delphine", "Emeka", "Greta", "Héloïse")
LAST_NAMES = (
    "Halvorsen", "Ferreira-Lind", "Marchetti", "Brückner", "Okonkwo", "Vikstrand", "Ashford",
    "Castellanos", "Lindqvist", "Mensah-Pryce", "Haddadin", "Quinterra", "Rahimova", "Petrakis",
    "Takemori", "Ezeoke", "Sandvold", "Moreno-Pratt", "Nwachukwu-Hale", "Drummore", "Volkanov",
    "Siddiquee", "Brennick", "Yamashiro", "Kesselring", "Draganova", "Fujimori", "Bellandi",
    "Thorsby", "Raghunathan", "Lainevaara", "Morelle", "Devereaux", "Whitlocke", "Oyelaran",
    "Szymanek", "Achterberg", "Colquhoun", "Grünwald", "Iversen-Tate", "Jablonski-Reyes")
SURGEON_ROLES = (
    "an orthopedic spine surgeon", "a neurosurgeon", "chief of spine surgery",
    "director of the spine center", "a fellowship-trained orthopedic surgeon",
    "chair of orthopedic surgery", "a sports medicine surgeon", "a complex spine surgeon")
EXEC_TITLES = (
    "CEO", "president and CEO", "chief medical officer", "vice president of marketing",
    "chief technology officer", "co-founder and CEO", "chief commercial officer",
    "senior vice president of research and development", "general manager of spine")
HOSPITALS: tuple[tuple[str, str], ...] = (
    ("Lakeshore Spine Institute", "Chicago"), ("Mercy Ridge Medical Center", "Omaha, Neb."),
    ("St. Aldric Hospital", "Baltimore"), ("Hôpital Saint-Aubin", "Lyon, France"),
    ("Klinikum Ostwald", "Zürich"), ("Bayfront Orthopedic & Spine Center", "Tampa, Fla."),
    ("Redfern University Medical Center", "Ann Arbor, Mich."),
    ("Copperline Surgical Hospital", "Tucson, Ariz."),
    ("Northgate Orthopaedic Clinic", "Leeds, England"), ("Clínica San Telmo", "Buenos Aires"),
    ("Westbrook Bone and Joint", "Portland, Ore."), ("Granite Peak Surgery Center", "Denver"),
    ("Riverside Ambulatory Spine Center", "Sacramento, Calif."),
    ("Halden University Hospital", "Oslo, Norway"))

# Writers of the trade outlets whose stories the sites republish (and Becker's own staff).
WRITERS = ("Marisol Keane", "Tobias Renwick", "Harriet Solberg", "Owen Castellano",
           "Nadia Fairbrook", "Julian Ostrowe", "Celeste Abernathy", "Priscilla Danvers",
           "Rowan Achterberg", "Imogen Tully", "Declan Moravec", "Esther Whitfield-Ng",
           "Gabriel Lindahl", "Ruth Okafor")
# (name, homepage, path prefix of its stories)
OUTLETS: tuple[tuple[str, str, str], ...] = (
    ("Spine Review Weekly", "https://www.spinereviewweekly.example", "/spine/"),
    ("Orthopedic Business Journal", "https://obj.example", "/news/"),
    ("The Bone & Joint Dispatch", "https://www.bonejointdispatch.example", "/stories/"),
    ("Surgical Markets Daily", "https://surgicalmarketsdaily.example", "/devices/"),
    ("MedDevice Ledger", "https://meddeviceledger.example", "/ortho/"))
WIRES: tuple[tuple[str, str], ...] = (
    ("MedWire Newsroom", "https://www.medwirenewsroom.example"),
    ("HealthTech Press Wire", "https://healthtechpresswire.example"))
FIRMS = ("Brightline Market Insights", "Veritas Research Partners", "Northwind Health Analytics",
         "Alder & Finch Research")
COMMENTERS = ("Mark T.", "spinepa_jen", "Dr. Alan Verhoeven", "OR nurse in Ohio", "Carla Mendes",
              "Jeff R", "Sunita Paranjape", "retired rep", "Kofi Annor-Bright", "Lindsey W.")

TOPICS = ("outpatient spine surgery", "robotic-assisted spine surgery", "endoscopic spine surgery",
          "value-based care", "cervical disc replacement", "adult spinal deformity",
          "sacroiliac joint fusion", "bone health optimization", "AI-driven surgical planning",
          "same-day joint replacement", "biologics in fusion", "private equity in orthopedics",
          "prior authorization", "enhanced recovery protocols")
# (procedure, short name for headlines, specialty)
PROCEDURES: tuple[tuple[str, str, str], ...] = (
    ("total knee arthroplasty", "TKA", "hip-knee"), ("total hip arthroplasty", "THA", "hip-knee"),
    ("unicompartmental knee arthroplasty", "Partial Knee Replacement", "hip-knee"),
    ("anterior cruciate ligament reconstruction", "ACL Reconstruction", "sports-medicine"),
    ("meniscal repair", "Meniscal Repair", "sports-medicine"),
    ("arthroscopic rotator cuff repair", "Rotator Cuff Repair", "shoulder-elbow"),
    ("reverse total shoulder arthroplasty", "Reverse Shoulder Arthroplasty", "shoulder-elbow"),
    ("lumbar spinal fusion", "Lumbar Fusion", "spine"),
    ("anterior cervical discectomy and fusion", "ACDF", "spine"),
    ("lumbar microdiscectomy", "Microdiscectomy", "spine"),
    ("kyphoplasty", "Kyphoplasty", "spine"),
    ("fixation of distal radius fractures", "Distal Radius Fixation", "trauma"),
    ("hip fracture surgery in older adults", "Hip Fracture Surgery", "trauma"),
    ("ankle arthrodesis", "Ankle Fusion", "foot-ankle"),
    ("posterior spinal fusion for adolescent idiopathic scoliosis", "Scoliosis Surgery",
     "pediatrics"))
SPECIALTIES = {"hip-knee": "Hip and Knee Surgery", "sports-medicine": "Sports Medicine",
               "shoulder-elbow": "Shoulder and Elbow Surgery", "spine": "Spine Surgery",
               "trauma": "Orthopaedic Trauma", "foot-ankle": "Foot and Ankle Surgery",
               "pediatrics": "Pediatric Orthopaedics"}
TECHNOLOGIES = ("navigation", "robotics", "augmented reality headsets", "intraoperative CT",
                "patient-specific implants", "3D-printed titanium", "neuromonitoring",
                "endoscopes")
FACTORS = ("preoperative opioid use", "smoking", "diabetes", "obesity", "vitamin D deficiency",
           "depression", "surgeon volume", "same-day discharge", "frailty", "living alone")
OUTCOMES = ("the Oswestry Disability Index", "the PROMIS Physical Function score",
            "patient satisfaction", "return to sport", "the time to independent walking",
            "the EQ-5D index")
BAD_OUTCOMES = ("periprosthetic joint infection", "revision surgery",
                "readmission within 90 days", "nonunion", "persistent pain at one year",
                "surgical-site infection")
SPORTS = ("soccer", "basketball", "volleyball", "lacrosse", "gymnastics")
RARE = ("an intraosseous ganglion of the talus", "a stress fracture of the ulnar shaft",
        "an osteoid osteoma of the femoral neck", "a chronic Monteggia lesion",
        "a locked posterior shoulder dislocation")
REGIONS = ("Global", "U.S.", "European", "Asia-Pacific", "North American")
MARKETS = ("Spinal Implants", "Orthopedic Robotics", "Bone Graft Substitutes", "Spinal Biologics",
           "Knee Arthroplasty", "Vertebral Augmentation", "Surgical Navigation",
           "Trauma Fixation")
SEGMENTS = ("Thoracolumbar fixation", "Cervical fixation", "Interbody devices",
            "Motion preservation", "Biologics", "Enabling technology", "Vertebral augmentation",
            "Instruments and disposables")
TAGS = ("spinal fusion", "minimally invasive surgery", "ASC", "robotics", "FDA 510(k)",
        "3D printing", "biologics", "cervical disc", "total knee", "navigation", "SI joint",
        "outpatient spine", "value-based care", "M&A", "funding", "clinical trial", "bone graft",
        "scoliosis", "kyphoplasty", "endoscopic spine", "reimbursement", "private equity",
        "trauma", "sports medicine", "PROMs", "opioids", "infection", "registry data", "frailty")
