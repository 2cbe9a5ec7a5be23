"""Staff and billing messages, written by hand."""

BILLING = [
    """PRIOR AUTHORIZATION REQUEST - URGENT
To: Keystone Health Partners Utilization Mgmt   Fax: [[FAX|1-888-555-0147]]
From: [[LOCATION_OTHER|Allegheny Spine & Pain]], [[NAME|Tricia Lomax]] (PA coordinator)   Ph [[PHONE|412-555-0108 x3]]
Member: [[NAME|Gerald Fitch]]   DOB [[DATE|10/02/1955]]   Member ID [[HEALTH_PLAN|KHP884120937]]   Group [[HEALTH_PLAN|GRP-20417]]
Requesting: lumbar RFA L3-L5, CPT 64635/64636. Two diagnostic MBBs [[DATE|1/8]] and [[DATE|1/29]] with 85% and 80% relief.
Rendering provider NPI [[LICENSE|1670349129]]""",

    """Claim denial notice. Claim # [[ID_OTHER|2024031400887]] for DOS [[DATE|02/14/2024]] denied CARC 197 (precertification absent). Patient: [[NAME|Alvarado, Inés]], subscriber ID [[HEALTH_PLAN|W2839104455]]. To appeal, submit within 180 days to [[ADDRESS|PO Box 30555]], [[CITY|Salt Lake City]], UT [[ZIP|84130-0555]].""",

    """FAX COVER SHEET
Date: [[DATE|3/19/24]]   Pages (incl. cover): 7
TO: Medical Records, [[LOCATION_OTHER|Sutter Creek Pediatrics]]   FAX: [[FAX|(555) 233-9012]]
FROM: [[NAME|Mireille Dufresne]], HIM Specialist   PHONE: [[PHONE|(555) 233-4400]]   FAX: [[FAX|(555) 233-4401]]
RE: [[NAME|Elliot Brandt]], DOB [[DATE|1/4/2016]]
CONFIDENTIALITY NOTICE: This facsimile contains protected health information. If you received this in error, call the sender and destroy all copies.""",

    """pharmacy callback 11:40 - [[NAME|Dwayne]] from [[LOCATION_OTHER|CareMart Pharmacy #2291]] ([[PHONE|555-610-3384]]) says the oxycodone rx for [[NAME|Patrice Holm]] is missing prescriber DEA. Dr. [[NAME|Benedetti]]'s DEA is [[LICENSE|BR4829137]], called it in. Pt aware. -[[NAME|mk]]""",

    """Hi team, can someone fix the payment on acct [[ACCOUNT|200-38817-6]]? Pt paid by check, routing [[ACCOUNT|071000013]] acct [[ACCOUNT|4482 0019 337]], but it posted to her husband's account ([[ACCOUNT|200-38817-5]]). Thanks, [[NAME|Jolene]] in PFS ext 4471""",

    """Medicare eligibility check for [[NAME|Rutherford, Cyril]] ([[AGE|93]]): MBI [[HEALTH_PLAN|2KW9XN4RD61]] active Part A/B since [[DATE|05/01/1996]]. Secondary: AARP supplement, member [[HEALTH_PLAN|0388812-11]].""",

    """Re: refund request. Card on file [[ACCOUNT|5421-9876-5432-1098]] was charged twice for copay on [[DATE|Mar 4]]. Refund $35.00 to same card. Ref # [[ID_OTHER|RF-883190]]. Patient contact [[EMAIL|tanya.reyes.1977@example.org]].""",

    """WORKERS COMP FIRST REPORT
Employee: [[NAME|Lucas Bergstrom]]   SSN: [[SSN|538-22-4190]]   DOI: [[DATE|03/11/2024]]
Employer: [[LOCATION_OTHER|Tri-County Lumber Supply]], [[ADDRESS|88 Mill Race Rd]], [[CITY|Keene]], NH [[ZIP|03431]]
Carrier claim # [[ID_OTHER|WC-NH-0449183]]   Adjuster [[NAME|Pam Ostrowski]] [[PHONE|603-555-0190]]
Injury: L hand laceration, table saw. 6 sutures. Off work 3 days.""",

    """Voicemail transcription for billing: "hi this is [[NAME|Norma Jean Pickett]] calling about my statement, the account number is [[ACCOUNT|0 0 4 7 7 2 1 9 3]], I think I was billed for the wrong visit, I was only there on [[DATE|the twelfth]], please call me back at [[PHONE|five five five two two one zero four eight eight]], thank you\"""",

    """Coordination of benefits: pt [[NAME|Hollis Greer]] has Tricare (sponsor SSN [[SSN|307 44 8812]], DoD ID [[ID_OTHER|1204883917]]) primary and BlueRidge Mutual secondary, policy [[HEALTH_PLAN|BRM-7740-33-0921]]. Update in registration before rebilling.""",

    """Patient statement inquiry via web form. Submitted from [[IP|203.0.113.77]] at 02:13. Name: [[NAME|Amelia Strand]]. Guarantor acct [[ACCOUNT|GA-00913374]]. Message: "why is there a facility fee, i saw the NP at the [[CITY|Duluth]] clinic for 10 minutes\"""",

    """DME order - CPAP. Patient [[NAME|Virgil Okonjo]], [[ADDRESS|3321 Sycamore Ct]], [[CITY|Lawrence]], KS [[ZIP|66046]]. Device delivered [[DATE|3/22]]: ResMed AirSense 11, serial [[DEVICE|23161884022]], humidifier serial [[DEVICE|23164410981]]. Compliance download link [[URL|https://airview.example.org/p?id=55120&src=dme]].""",

    """Prior auth approved: auth # [[ID_OTHER|PA-4821937]] valid [[DATE|3/25/2024]] - [[DATE|9/24/2024]] for adalimumab 40 mg q2wk. Member [[NAME|Sienna Marlowe]], ID [[HEALTH_PLAN|ZGP 448 120 93]]. Specialty pharmacy fax [[FAX|855-555-0172]].""",

    """Collections hold request: [[NAME|Bartholomew Nkemelu]] (DOB [[DATE|07/07/1930]]) - guardian [[NAME|Adaeze Nkemelu]] says pt is [[AGE|93]] and in memory care, cannot manage finances. Please hold acct [[ACCOUNT|77120934]] 90 days. Guardian's letter faxed from [[FAX|+1 (555) 902-1180]].""",

    """Re: records request from attorney. attorney [[NAME|Grant Hendricks]], [[ADDRESS|600 Pine St Ste 1400]], [[CITY|Seattle]], WA [[ZIP|98101]], req'd all records for [[NAME|Cassidy Moreau]] [[DATE|1/1/2022]] to present. HIPAA auth signed [[DATE|2/28/24]]. Invoice [[ID_OTHER|INV-004821]] sent to [[EMAIL|records@hendricksvail.test]].""",

    """Eligibility 271 response: subscriber [[NAME|PATEL, RAVI K]], member [[HEALTH_PLAN|MEM468793934]], relationship 18 (self). Dependent [[NAME|PATEL, ANIKA]] DOB [[DATE|20150611]], member suffix 03. Plan: PPO, effective [[DATE|01/01/2024]].""",

    """Hey - patient [[NAME|Colm Doherty]] was charged for parking. Car was a black Ford F-150, VIN [[VEHICLE|1FTFW1ET9DFC10312]]. Security validated the ticket. Please void charge [[ID_OTHER|PK-20240319-114]].""",

    """Provider credentialing: Dr. [[NAME|Yasmin El-Amin]], NPI [[LICENSE|1284503970]], CA medical license [[LICENSE|A 158832]], DEA [[LICENSE|FK9021572]]. Board cert exp [[DATE|12/31/2026]]. Practice phone [[PHONE|(555) 777-2040]].""",

    """IT security ticket [[ID_OTHER|INC0048812]]: portal account for patient [[NAME|Reginald Amos]] (SSN on file [[SSN|229 61 0917]]) logged in from [[IP|198.51.100.23]] and [[IP|fe80::1ff:fe23:4567:890a]] within 3 minutes on [[DATE|Mar 30]]. Password reset link sent to [[EMAIL|r_amos(at)example(dot)org]].""",

    """Lost & found / security log: pt's hearing aid turned in, serial [[DEVICE|PH-0983377-R]], belongs to room 5 east, pt [[NAME|Mabel Crosby]] ([[AGE|ninety-six]]). Returned to daughter [[NAME|Ann]] at 14:05, ID checked: WA DL [[LICENSE|WDL8K2J4M9PQ]].""",
]
