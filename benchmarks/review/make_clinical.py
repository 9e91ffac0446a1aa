"""Write realistic clinical Annotator notes for blind reviews of annodeck's cards.

Each paper below is what a haematology/oncology clinician highlighted while reading a published
trial report in Obsidian with the Annotator plugin. The notes are written the way the plugin's
`makeAnnotationString` (0.2.11) writes them: one-line JSON (created, [text,] updated, document,
uri, target with TextPositionSelector and TextQuoteSelector holding 32 characters of prefix and
suffix), the `>`-quoted markdown lines, and the `^id` line.

The highlighted text is written from memory of the papers: the numbers are plausible and mostly
right, but these notes are review material, not a citation source. PDF damage is deliberate:
selections that start or end mid-word (the missing letters sit in the prefix/suffix), glued words,
line-break hyphens, superscript citations run into the text, ligatures and a soft hyphen.

Run:  python benchmarks/review/make_clinical.py   (writes benchmarks/review/clinical/*.md)
"""

from __future__ import annotations

import json
import random
import urllib.parse
from datetime import datetime, timedelta, timezone
from pathlib import Path

OUT = Path(__file__).resolve().parent / "clinical"
SHY = "\u00ad"  # a soft hyphen, as some PDFs carry them

# A block: before (text before the selection, its last 32 characters become the prefix), exact,
# after (its first 32 characters become the suffix), comment, tags, and optionally a stale JSON
# text (the comment as it was when last saved from the sidebar; edited in Obsidian since).

PAPERS: list[dict] = [
    # ------------------------------------------------------------------ 1. CANDOR (Lancet 2020)
    dict(
        note="CANDOR - Dimopoulos Lancet 2020.md",
        target="Dimopoulos et al. - 2020 - Carfilzomib, dexamethasone, and daratumumab versus carfilzomib and dexamethasone for patients with relapsed or refractory multiple myeloma (CANDOR).pdf",
        folder="Papers/Myeloma",
        title="Carfilzomib, dexamethasone, and daratumumab versus carfilzomib and dexamethasone for patients with relapsed or refractory multiple myeloma (CANDOR): results from a randomised, multicentre, open-label, phase 3 study",
        created="2023-02-11T19:02:14.311Z",
        intro="Journal club 16/02 — CANDOR. Compare with IKEMA ([[ikema-subgroup]]).\n",
        blocks=[
            dict(
                before="oteasome inhibitor.1–3 In the phase 3 ENDEAVOR study, ",
                exact="carfilzomib and dexamethasone (Kd56) significantly improved progression-free survival and overall survival compared with bortezomib and dexamethasone in patients with relapsed or refractory multiple myeloma.4,5",
                after=" Daratumumab is a human IgGκ monoclonal antibody targeting CD38",
                comment="",
                tags=[],
            ),
            dict(
                before="15 countries in North America, Europe, and Asia-Pacific. ",
                exact="Eligible patients were aged 18 years or older, had relapsed or refractory multiple myeloma with measurable disease, had received one to three previous lines of therapy, and had achieved a partial response or better to at least one line of previous therapy.",
                after=" Patients with previous anti-CD38 antibody exposure were eligible",
                comment="Q: How many prior lines were allowed in CANDOR? A: 1–3 (with ≥PR to at least one)",
                tags=["trial/CANDOR"],
            ),
            dict(
                before="Carfilzomib was given as a 30-min intravenous infusion ",
                exact="on days 1, 2, 8, 9, 15, and 16 of each 28-day cycle (20 mg/m2 on days 1 and 2 of cycle 1; 56 mg/m2 thereafter)",
                after=". Daratumumab 8 mg/kg was given intravenously on days 1 and 2",
                comment="twice weekly K56 — same schedule as ENDEAVOR",
                tags=[],
            ),
            dict(
                before="FINDINGS … After a median follow-up of about 17 months, m",
                exact="edian progression-free survival was not reached in the KdD group versus 15·8 months in the Kd group (hazard ratio 0·63; 95% CI 0·46–0·85; p=0·0027)",
                after=". Median treatment duration was longer in the KdD group t",
                comment="PFS HR 0.63 → 37% reduction in risk of progression/death.\n中位无进展生存期 (median PFS): NR vs 15.8 mo",
                tags=["myeloma", "trial/CANDOR"],
            ),
            dict(
                before="ng with KdD than with Kd (70·1 weeks vs 40·3 weeks). ",
                exact="Grade 3 or higher adverse events were reported in 253 (82%) patients in the KdD group versus 113 (74%) in the Kd group. The frequency of adverse events leading to treatment discontinuation was similar in both groups (69 [22%] in the KdD group and 38 [25%] in the Kd group). Fatal treatment-emergent adverse events occurred in 30 (10%) patients in the KdD group versus eight (5%) patients in the Kd group.",
                after=" INTERPRETATION KdD significantly prolonged progression-fre",
                comment="Fatal AEs doubled (10% vs 5%), mostly infections (pneumonia, sepsis), and the excess was concentrated in patients ≥65 years and those with ECOG 1–2. Worth remembering when choosing KdD over other triplets in older patients. Does a PFS gain really outweigh that in a frail 75-year-old with COPD?",
                tags=["myeloma"],
            ),
            dict(
                before="ponse or better was 69% vs 49%.   ",
                exact="Minimal residual disease (MRD)-negative complete response at 12 months was achieved in 39 (12%) patients in the KdD group versus two (1%) in the Kd group",
                after=" (odds ratio 11·3 [95% CI 2·7–47·5]; p<0·0001), at a thresh",
                comment="",
                tags=[],
            ),
            dict(
                before="ts across prespecified subgroups. ",
                exact="Patients previously exposed to lenalidomide, and those refrac- tory to lenalidomide, derived a consistent progression-free survival benefit with KdD (lenalidomide-refractory: HR 0·47; 95% CI 0·29–0·78)",
                after=", a population with limited options after frontline Rd and",
                comment="",
                tags=["myeloma", "len-refractory"],
            ),
            dict(
                before="s of daratumumab-containing regimens.24–26  ",
                exact="KdD significantly prolonged progression-free survival versus Kd in patients with relapsed or refractory multiple myeloma and was associated with a favourable benefit–risk profile.",
                after="  Funding Amgen.   Introduction Although survival of pat",
                comment="",
                tags=[],
            ),
        ],
    ),
    # ------------------------------------------------------------------ 2. MAIA (NEJM 2019)
    dict(
        note="MAIA D-Rd NDMM.md",
        target="NEJM - 2019 - Facon - Daratumumab plus Lenalidomide and Dexamethasone for Untreated Myeloma.pdf",
        folder="hematology/papers/2023",
        title="Daratumumab plus Lenalidomide and Dexamethasone for Untreated Myeloma",
        created="2023-05-03T01:41:52.908Z",
        blocks=[
            dict(
                before="ion of lenalidomide and dexamethasone.  METHODS ",
                exact="We randomly assigned 737 patients with newly diagnosed multiple myeloma who were ineligible for autologous stem-cell transplantation to receive daratumumab plus lenalidomide and dexamethasone (daratumumab group) or lenalidomide and dexamethasone alone (control group).",
                after=" Treatment was to continue until the occurrence of disease p",
                comment="transplant-ineligible NDMM = 不适合移植的新诊断多发性骨髓瘤",
                tags=["myeloma", "trial/MAIA"],
            ),
            dict(
                before="progression-free survival.  RESULTS ",
                exact="At a median follow-up of 28.0 months, disease progression or death had occurred in 240 patients (26.4% of the patients in the daratumumab group and 38.8% of those in the control group). The estimated percentage of patients who were alive without disease progression at 30 months was 70.6% (95% confidence interval [CI], 65.0 to 75.4) in the daratumumab group and 55.6% (95% CI, 49.5 to 61.3) in the control group (hazard ratio for disease progression or death, 0.56; 95% CI, 0.43 to 0.73; P<0.001).",
                after=" The percentage of patients with a complete response or bett",
                comment="Q: MAIA PFS hazard ratio?\nA: 0.56 (30-mo PFS 70.6% vs 55.6%)",
                tags=["trial/MAIA"],
            ),
            dict(
                before="(95% CI, 0.43 to 0.73; P<0.001). ",
                exact="The percentage of patients with a complete response or better was 47.6% in the daratumumab group and 24.9% in the control group (P<0.001). A total of 24.2% of the patients in the daratumumab group, as compared with 7.3% of the patients in the control group, had results below the threshold for minimal residual disease (1 tumor cell per 10 5 white cells) (P<0.001).",
                after=" The most common adverse events of grade 3 or 4 were neutrop",
                comment="",
                tags=[],
            ),
            dict(
                before="cell per 10 5 white cells) (P<0.001). ",
                exact="The most common adverse events of grade 3 or 4 were neutropenia (50.0% in the daratumumab group vs. 35.3% in the control group), anemia (11.8% vs. 19.7%), lymphopenia (15.1% vs. 10.7%), and pneumonia (13.7% vs. 7.9%).",
                after="  CONCLUSIONS Among patients with newly diagnosed multiple myeloma who were ineligible",
                comment="more pneumonia with dara → think about antibacterial prophylaxis / IgG levels",
                tags=["myeloma", "AE"],
            ),
            dict(
                before="ng factors.  Patients Eligible patients had ",
                exact="newly diagnosed multiple myeloma and were ineligible for high-dose chemotherapy with autologous stem-cell transplantation because of their age (≥65 years) or coexisting conditions",
                after=". Patients were also required to have an Eastern Cooperati",
                comment="",
                tags=[],
            ),
            dict(
                before="therapeutic option for these patients.6-8 D",
                exact="aratumumab is a human IgGκ monoclonal antibody targeting CD38 with a direct on-tumor and immunomodulatory mech",
                after="anism of action.9-12 In the phase 3 POLLUX trial, daratum",
                comment="达雷妥尤单抗 daratumumab — anti-CD38",
                tags=[],
            ),
            dict(
                before="rect on-tumor and immunomodulatory mechanism of action.9-12 ",
                exact="In the phase 3 POLLUX trial, daratumumab plus lenalidomide and dexamethasone reduced the risk of disease progression or death by 63% as compared with lenalidomide and dexamethasone alone among patients with relapsed or refractory multiple myeloma.13,14",
                after=" Here we report the results of the primary analysis of the M",
                comment="Q: POLLUX vs MAIA population? A: POLLUX = RRMM (≥1 prior line); MAIA = NDMM, transplant-ineligible",
                tags=["trial/POLLUX", "myeloma"],
            ),
            dict(
                before="ents in the control group (Table 3). ",
                exact="Infections of grade 3 or 4 occurred in 32.1% of the patients in the daratumumab group and in 23.3% of those in the control group.",
                after=" Infusion-related reactions occurred in 40.9% of the patient",
                comment="",
                tags=[],
            ),
            dict(
                before="lymphopenia (15.1% vs. 10.7%), and pneumonia (13.7% vs. 7.9%).  CONCLUSIONS ",
                exact="Among patients with newly diagnosed multiple myeloma who were ineligible for autologous stem-cell transplantation, the risk of disease progression or death was significantly lower among those who received daratumumab plus lenalidomide and dexamethasone than among those who received lenalidomide and dexamethasone alone. A higher incidence of neutropenia and pneumonia was observed in the daratumumab group.",
                after=" (Funded by Janssen Research and Development; MAIA ClinicalT",
                comment="",
                tags=[],
            ),
        ],
    ),
    # ------------------------------------------------------------------ 3. KarMMa-3 (NEJM 2023)
    dict(
        note="KarMMa-3 ide-cel.md",
        target="NEJMoa2213614.pdf",
        folder="hematology/papers/2023/CAR-T",
        title="NEJMoa2213614",
        created="2023-07-19T13:26:40.117Z",
        blocks=[
            dict(
                before="ed in this article at NEJM.org.  BACKGROUND ",
                exact="Idecabtagene vicleucel (ide-cel), a B-cell maturation antigen (BCMA)–directed chimeric antigen receptor (CAR) T-cell therapy, is approved for the treatment of patients with heavily pretreated relapsed and refractory multiple myeloma.",
                after=" METHODS In this international, open-label, phase 3 trial, we",
                comment="BCMA = B细胞成熟抗原",
                tags=["CAR-T"],
            ),
            dict(
                before="METHODS In this international, open-label, phase 3 trial, ",
                exact="we randomly assigned adults with relapsed and refractory multiple myeloma who had received two to four regimens previously (including an immunomodulatory agent, a proteasome inhibitor, and daratumumab) and had disease that was refractory to the last regimen",
                after=" to receive ide-cel (dose range, 150×106 to 450×106 CAR-posi",
                comment="Q: KarMMa-3 inclusion? A: 2–4 prior regimens, triple-class EXPOSED (not refractory), refractory to the last regimen",
                tags=["trial/KarMMa-3"],
            ),
            dict(
                before="ived ide-cel and 132 to receive a standard regimen. ",
                exact="At a median follow-up of 18.6 months, the median progression-free survival was 13.3 months in the ide-cel group, as compared with 4.4 months in the standard-regimen group (hazard ratio for disease progression or death, 0.49; 95% CI, 0.38 to 0.65; P<0.001).",
                after=" A response occurred in 71% of the patients in the ide-cel gr",
                comment="",
                tags=["myeloma", "trial/KarMMa-3"],
            ),
            dict(
                before="ression or death, 0.49; 95% CI, 0.38 to 0.65; P<0.001). ",
                exact="A response occurred in 71% of the patients in the ide-cel group and in 42% of those in the standard-regimen group (P<0.001), and a complete response occurred in 39% and 5%, respectively.",
                after=" Grade 3 or 4 events occurred in 93% of the patients in the",
                comment="",
                tags=[],
            ),
            dict(
                before="ed in 93% and 75% of the patients, respectively. ",
                exact="Cytokine release syndrome occurred in 88% of the patients who received ide-cel, and 5% had an event of grade 3 or higher. Investigator-identified neurotoxic effects occurred in 15% of the patients, and 3% had an event of grade 3 or higher.",
                after=" CONCLUSIONS Ide-cel therapy significantly prolonged progres",
                comment="síndrome de liberación de citocinas = CRS",
                tags=["CAR-T", "AE"],
            ),
            dict(
                before="for up to 1 cycle during manufacturing, followed by ",
                exact="lymphodepleting chemotherapy with fludarabine (30 mg per square meter of bodysurface area) and cyclophosphamide (300 mg per square meter) for 3 days",
                after=", with ide-cel infused 2 days later (target dose, 450×10",
                comment="Flu/Cy ×3 days, same as KarMMa",
                tags=[],
            ),
            dict(
                before="as of the data-cutoff date (April 18, 2022).  ",
                exact="Overall survival data were immature; 56% of the patients in the standard-regimen group crossed over to receive ide-cel after disease progression.",
                after=" The analysis of overall survival was therefore confounded b",
                comment="The early deaths in the ide-cel arm (before infusion, while cells were being manufactured) pull the ITT curve down in the first months. With this much crossover, will the ITT overall survival ever show a benefit? Time from randomisation to infusion matters a lot in aggressive disease — bridging matters.",
                tags=[],
            ),
        ],
    ),
    # ------------------------------------------------------ 4. ICARIA-MM renal subgroup (Leukemia 2021)
    dict(
        note="ICARIA-MM renal impairment subgroup.md",
        target="s41375-020-0868-z.pdf",
        folder="hematology-theroy/papers/20220808",
        title="Isatuximab plus pomalidomide and dexamethasone in relapsed/refractory multiple myeloma patients with renal impairment: ICARIA-MM subgroup analysis",
        created="2022-08-31T08:12:09.554Z",
        style="marked",
        blocks=[
            dict(
                before="ned renal responses than Pd in patients with MM and RI.   ",
                exact="These results support the use of Isa-Pd as a treatment option for patients with RRMM and renal impairm",
                after="ent.  Introduction  Renal impairment (RI) is a common",
                comment="",
                tags=[],
            ),
            dict(
                before="n option for patients with RRMM and renal impairment.  Introduction  ",
                exact="Renal impairment (RI) is a common complication of multiple myeloma (MM), occurring in 20–50% of patients during the course of the disease, and is associated with poor prognosis [1–3].",
                after=" Cast nephropathy caused by the deposition of monoclonal fre",
                comment="肾功能损害 renal impairment",
                tags=[],
            ),
            dict(
                before="according to the International Myeloma Working Group. ",
                exact="Patients with RI were defined as those with an estimated glomerular filtration rate (eGFR) <60 mL/min/1.73 m2 (Modification of Diet in Renal Disease equation)",
                after=". Complete renal response (CRR) was defined as an improve",
                comment="Q: How was RI defined in ICARIA? A: eGFR <60 by MDRD",
                tags=["myeloma", "trial/ICARIA-MM"],
            ),
            dict(
                before="ient characteristics were balanced (Table 2). ",
                exact="Inpatients with RI, median progression-free survival was 9.5 months in the Isa-Pd arm vs 3.7 months in the Pd arm (hazard ratio 0.50; 95% confidence interval 0.30–0.85).",
                after=" In patients without RI, median PFS was 12.7 vs 7.9 mont",
                comment="",
                tags=[],
            ),
            dict(
                before="he IMWG renal response criteria [18]. ",
                exact="Complete renal response was achieved in 71.9% of Isa-Pd patients vs 38.1% of Pd patients, and was durable (≥60 days) in 31.3% vs 19.0%, respectively.",
                after=" Isa-Pd safety in patients with RI was consistent with tha",
                comment="",
                tags=["myeloma"],
            ),
            dict(
                before="target CD38 in relapsed/refractory MM [7, 8].  ",
                exact="Isatuximab is an IgG1 monoclonal antibody that binds a specific epitope on the CD38 receptor and triggers multiple mechanisms of action, including antibody-dependent cellular cytotoxicity, antibody-dependent cellular phagocytosis, complement-dependent cytotoxicity, and direct induction of apoptosis without cross- linking agents [9–11].",
                after=" Isa is approved in several countries in combination with p",
                comment="",
                tags=[],
            ),
        ],
    ),
    # ------------------------------------------------------------------ 5. ECHELON-1 (NEJM 2018)
    dict(
        note="ECHELON-1.md",
        target="Connors et al. - 2018 - Brentuximab Vedotin with Chemotherapy for Stage III or IV Hodgkin’s Lymphoma.pdf",
        folder="Zotero/storage/lymphoma",
        title="Brentuximab Vedotin with Chemotherapy for Stage III or IV Hodgkin’s Lymphoma",
        created="2021-11-24T21:05:33.046Z",
        quote_target=True,
        blocks=[
            dict(
                before="rapy for patients with advanced-stage disease.1-4 ",
                exact="ABVD has been the standard ﬁrst-line therapy for advanced-stage Hodgkin’s lymphoma, but approximately 25 to 30% of patients have refractory disease or a relapse, and bleomycin is associated with unpredictable and sometimes fatal pulmonary toxicity.5,6",
                after=" Brentuximab vedotin is an antibody–drug conjugate that con",
                comment="",
                tags=[],
            ),
            dict(
                before="dictable and sometimes fatal pulmonary toxicity.5,6 ",
                exact="Brentuximab vedotin is an antibody–drug conjugate that consists of an anti-CD30 monoclonal antibody conjugated by a protease-cleavable linker to the microtubule-disrupting agent monomethyl auristatin E (MMAE).",
                after=" CD30 is expressed on Hodgkin Reed–Sternberg cells.7 Brentu",
                comment="CD30 + MMAE (same payload as polatuzumab!)",
                tags=["lymphoma", "ADC"],
            ),
            dict(
                before="tory Hodgkin’s lymphoma.  METHODS ",
                exact="We randomly assigned 1334 patients with previously untreated stage III or IV classic Hodgkin’s lymphoma in a 1:1 ratio to receive brentuximab vedotin, doxorubicin, vinblastine, and dacarbazine (A+AVD) (664 patients) or doxorubicin, bleomycin, vinblastine, and dacarbazine (ABVD) (670 patients).",
                after=" The primary end point was modified progression-free surviva",
                comment="Mnemonic: A+AVD — the A (brentuximab) replaces the B (Bleomycin). B for Bleomycin = B for Breath: less lung toxicity, more neuropathy.",
                tags=["lymphoma", "trial/ECHELON-1"],
            ),
            dict(
                before="stine, and dacarbazine (ABVD) (670 patients). ",
                exact="The primary end point was modified progression-free survival (the time to progression, death, or noncomplete response and use of subsequent anticancer therapy) as adjudicated by an independent review committee.",
                after=" The key secondary end point was overall survival.  RESULTS",
                comment="Q: What events count in modified PFS?\nA: progression, death, or non-CR at end of frontline followed by subsequent anticancer therapy",
                tags=[],
            ),
            dict(
                before="RESULTS At a median follow-up of 24.6 months, ",
                exact="2-year modified progression-free survival rates in the A+AVD and ABVD groups were 82.1% (95% confidence interval [CI], 78.8 to 85.0) and 77.2% (95% CI, 73.7 to 80.4), respectively, a difference of 4.9 percentage points (hazard ratio for an event of progression, death, or modified progression, 0.77; 95% CI, 0.60 to 0.98; P=0.04).",
                after=" Data on overall survival were immature, with 28 deaths in t",
                comment="",
                tags=[],
            ),
            dict(
                before="with A+AVD and 39 in the ABVD group (P=0.20). ",
                exact="Neutropenia occurred in 58% of the patients receiving A+AVD and in 45% of those receiving ABVD; in the A+AVD group, the rate of febrile neutropenia was lower among the 83 patients who received primary prophylaxis with granulocyte colony-stimulating factor than among those who did not (11% vs. 21%). Peripheral neuropathy occurred in 67% and 43% of these groups, respectively",
                after="; 67% of the patients in the A+AVD group who had peripher",
                comment="",
                tags=["lymphoma", "AE"],
            ),
            dict(
                before="mptoms had complete resolution or improvement. ",
                exact="Pulmonary toxicity of grade 3 or higher was reported in less than 1% ofthe patients receiving A+AVD and in 3% of those receiving ABVD.",
                after="  CONCLUSIONS A+AVD had superior efficacy to ABVD in the tr",
                comment="",
                tags=[],
            ),
        ],
    ),
    # ------------------------------------------------------------------ 6. POLARIX (NEJM 2022)
    dict(
        note="POLARIX pola-R-CHP.md",
        target="Tilly et al. - 2022 - Polatuzumab Vedotin in Previously Untreated Diffuse Large B-Cell Lymphoma.pdf",
        folder="Zotero/storage/lymphoma",
        title="Polatuzumab Vedotin in Previously Untreated Diffuse Large B-Cell Lymphoma",
        created="2022-03-02T07:48:01.772Z",
        blocks=[
            dict(
                before="article are listed in the Appendix.   BACKGROUND ",
                exact="Polatuzumab vedotin is an anti" + SHY + "body–drug conjugate targeting CD79b, a component of the B-cell receptor complex that is expressed ubiquitously in B-cell cancers; it delivers the microtubule inhibitor monomethyl auristatin E (MMAE).",
                after=" Its efficacy in patients with relapsed or refractory DLB",
                comment="CD79b → pola; CD30 → brentuximab. Both MMAE.",
                tags=["lymphoma", "ADC"],
            ),
            dict(
                before="in the standard-care R-CHOP regimen.  METHODS ",
                exact="We conducted a double-blind, placebo-controlled, international phase 3 trial to evaluate a modified regimen of R-CHOP (R-CHP) in which vincristine was replaced with polatuzumab vedotin. Patients 18 to 80 years of age who had untreated intermediate-risk or high-risk DLBCL (International Prognostic Index score, 2 to 5) were randomly assigned in a 1:1 ratio to receive six cycles of either pola-R-CHP or R-CHOP, plus two cycles of rituximab alone.",
                after=" The primary end point was investigator-assessed progression",
                comment="vincristine (the \"O\") swapped for pola; IPI 2–5 only",
                tags=["trial/POLARIX"],
            ),
            dict(
                before="RESULTS Overall, 879 patients underwent randomization. ",
                exact="After a median follow-up of 28.2 months, the percentage of patients surviving without progression was signiﬁcantly higher in the pola-R-CHP group than in the R-CHOP group (76.7% [95% CI, 72.7 to 80.8] vs. 70.2% [95% CI, 65.8 to 74.6] at 2 years; stratified hazard ratio for progression or death, 0.73 by Wald’s test; 95% CI, 0.57 to 0.95; P=0.02).",
                after=" Overall survival at 2 years did not differ significantly be",
                comment="",
                tags=["lymphoma"],
            ),
            dict(
                before="0.73 by Wald’s test; 95% CI, 0.57 to 0.95; P=0.02). ",
                exact="Overall survival at 2 years did not differ significantly between the groups (88.7% [95% CI, 85.7 to 91.6] in the pola-R-CHP group and 88.6% [95% CI, 85.6 to 91.6] in the R-CHOP group; hazard ratio for death, 0.94; 95% CI, 0.65 to 1.37; P=0.75).",
                after=" The safety profile was similar in the two groups.  CONCLUS",
                comment="PFS benefit but no OS benefit (无总生存获益). Is that because second-line therapy (CAR-T now) rescues the R-CHOP failures, or because the PFS gain is too small to show on OS at 2 years? Either way, the first regimen in ~20 years to beat R-CHOP after GOYA, REMoDL-B and the R-CHOP-14 trials all failed.",
                tags=[],
            ),
            dict(
                before="peripheral neuropathy (Table 3). ",
                exact="The incidence of grade 3 or 4 adverse events (57.7% vs. 57.5%), serious adverse events (34.0% vs. 30.6%), grade 5 adverse events (3.0% vs. 2.3%), and adverse events leading to dose reduction (9.2% vs. 13.0%) was similar in the pola-R-CHP and R-CHOP groups.",
                after=" Febrile neutropenia was more frequent with pola-R-CHP (14.",
                comment="",
                tags=[],
            ),
            dict(
                before="cell lymphoma (DLBCL) is cured. ",
                exact="However, approximately 40% of patients have relapsed or refractory disease after first-line treatment with R-CHOP, and most of these patients die from their dis",
                after="ease.4,5 Numerous attempts to improve on R-CHOP, includ",
                comment="",
                tags=[],
            ),
        ],
    ),
    # ------------------------------------------------------------------ 7. RATIFY (NEJM 2017)
    dict(
        note="RATIFY midostaurin FLT3 AML.md",
        target="NEJM - 2017 - Stone - Midostaurin plus Chemotherapy for Acute Myeloid Leukemia with a FLT3 Mutation.pdf",
        folder="Leukaemia/AML",
        title="Midostaurin plus Chemotherapy for Acute Myeloid Leukemia with a FLT3 Mutation",
        created="2024-01-09T10:15:47.260Z",
        blocks=[
            dict(
                before="n (FLT3) mutation have poor outcomes.1-3 ",
                exact="Midostaurin is an oral multitargeted kinase inhibitor that is active against both FLT3 internal tandem duplication (ITD) and FLT3 tyrosine kinase domain (TKD) mutations.",
                after=" In a phase 1b study, midostaurin combined with daunorubici",
                comment="",
                tags=["AML"],
            ),
            dict(
                before="chemotherapy in FLT3-mutated AML.  METHODS ",
                exact="We screened 3277 patients, 18 to 59 years of age, who had newly diagnosed AML for FLT3 mutations. Patients were randomly assigned to receive standard chemotherapy (induction therapy with daunorubicin and cytarabine and consolidation therapy with high-dose cytarabine) plus either midostaurin or placebo; those who were in remission after consolidation therapy entered a 1-year maintenance phase and received either midostaurin or placebo.",
                after=" The randomization was stratified according to subtype of F",
                comment="Q: Age range in RATIFY? A: 18–59 years",
                tags=["AML", "trial/RATIFY"],
            ),
            dict(
                before="The randomization was stratified according to ",
                exact="subtype of FLT3 mutation: point mutation in the tyrosine kinase domain (TKD) or internal tandem duplication (ITD) mutation with either a high ratio (>0.7) or a low ratio (0.05 to 0.7) of mutant to wild-type alleles (ITD [high] and ITD [low], respectively).",
                after=" The primary end point was overall survival.  RESULTS A tot",
                comment="allelic ratio cutoff 0.7 here — ELN 2017 used 0.5 (and ELN 2022 dropped the allelic ratio altogether)",
                tags=["AML"],
            ),
            dict(
                before="RESULTS A total of 717 patients underwent randomization; ",
                exact="Overall survival was significantly longer in the midostaurin group than in the placebo group (hazard ratio for death, 0.78; one-sided P=0.009), as was event-free survival (hazard ratio for event or death, 0.78; one-sided P=0.002).",
                after=" In both the primary analysis and an analysis in which data",
                comment="one-sided P values!",
                tags=[],
            ),
            dict(
                before="lts for the primary end point (Fig. 1A). ",
                exact="The median overall survival was 74.7 months (95% CI, 31.5 to not reached) in the midostaurin group and 25.6 months (95% CI, 18.6 to 42.9) in the placebo group.",
                after=" The 4-year overall survival was 51.4% in the midostaurin g",
                comment="",
                tags=[],
            ),
            dict(
                before="r event or death, 0.78; one-sided P=0.002). ",
                exact="In both the primary analysis and an analysis in which data for patients who underwent transplantation were censored, the benefit of midostaurin was consistent across all FLT3 subtypes.",
                after=" The rate of severe adverse events was similar in the two gr",
                comment="",
                tags=[],
            ),
            dict(
                before="consistent across all FLT3 subtypes. ",
                exact="The rate of severe adverse events was similar in the two groups.",
                after="  CONCLUSIONS The addition of the multitargeted kinase inhib",
                comment="only grade ≥3 rash (exantema) was more frequent with midostaurin: 14% vs 8%",
                tags=[],
            ),
        ],
    ),
    # ------------------------------------------------------------------ 8. KEYNOTE-189 (NEJM 2018)
    dict(
        note="KEYNOTE-189.md",
        target="nejmoa1801005.pdf",
        folder="oncology/lung",
        title="Pembrolizumab plus Chemotherapy in Metastatic Non–Small-Cell Lung Cancer",
        created="2019-04-27T15:30:05.389Z",
        intro="# KEYNOTE-189\n\nnonsquamous, EGFR/ALK wild-type, any PD-L1\n",
        blocks=[
            dict(
                before="METHODS In this double-blind, phase 3 trial, ",
                exact="we randomly assigned (in a 2:1 ratio) 616 patients with metastatic nonsquamous NSCLC without sensitizing EGFR or ALK mutations who had received no previous treatment for metastatic disease to receive pemetrexed and a platinum-based drug plus either 200 mg of pembrolizumab or placebo every 3 weeks for 4 cycles, followed by pembrolizumab or placebo for up to a total of 35 cycles plus pemetrexed maintenance therapy.",
                after=" Crossover to pembrolizumab monotherapy was permitted among",
                comment="35 cycles ≈ 2 years of pembro",
                tags=["lung", "trial/KEYNOTE-189"],
            ),
            dict(
                before="pemetrexed maintenance therapy. ",
                exact="Crossover to pembrolizumab monotherapy was permitted among the patients in the placebo-combination group who had verified disease progression.",
                after=" The primary end points were overall survival and progressio",
                comment="",
                tags=[],
            ),
            dict(
                before="ssed by blinded, independent central radiologic review.  RESULTS ",
                exact="After a median follow-up of 10.5 months, the estimated rate of overall survival at 12 months was 69.2% (95% confidence interval [CI], 64.1 to 73.8) in the pembrolizumab-combination group versus 49.4% (95% CI, 42.1 to 56.2) in the placebo-combination group (hazard ratio for death, 0.49; 95% CI, 0.38 to 0.64; P<0.001).",
                after=" Improvement in overall survival was seen across all PD-L1 c",
                comment="总生存 OS: HR 0.49",
                tags=["lung"],
            ),
            dict(
                before="PD-L1 categories that were evaluated. ",
                exact="Median progression-free survival was 8.8 months (95% CI, 7.6 to 9.2) in the pembrolizumab-combination group and 4.9 months (95% CI, 4.7 to 5.5) in the placebo-combination group (hazard ratio for disease progression or death, 0.52; 95% CI, 0.43 to 0.64; P<0.001).",
                after=" Adverse events of grade 3 or higher occurred in 67.2% of th",
                comment="",
                tags=[],
            ),
            dict(
                before="(hazard ratio, 0.52; 95% CI, 0.43 to 0.64; P<0.001). ",
                exact="Adverse events of grade 3 or higher occurred in 67.2% of the patients in the pembrolizumab-combination group and in 65.8% of those in the placebo-combination group.",
                after="  CONCLUSIONS In patients with previously untreated metasta",
                comment="",
                tags=[],
            ),
            dict(
                before="immune-mediated adverse events (Table 3). ",
                exact="Acute kidney injury occurred more frequently in the pembrolizumab-combination group than in the placebo-combination group (5.2% vs. 0.5%)",
                after="; three patients in the pembrolizumab-combination group die",
                comment="AKI signal: immune nephritis, or pemetrexed nephrotoxicity unmasked? Probably both. Check creatinine before every cycle; hold pemetrexed if CrCl <45 mL/min.",
                tags=["irAE", "lung"],
            ),
            dict(
                before="the 22C3 pharmDx assay and reported as the ",
                exact="tumor proportion score (the percentage of tumorcells with membranous PD-L1 staining)",
                after="; patients were stratified according to PD-L1 tumor propor",
                comment="",
                tags=[],
            ),
        ],
    ),
    # ------------------------------------------------------------ 9. DESTINY-Breast04 (NEJM 2022)
    dict(
        note="DESTINY-Breast04 T-DXd HER2-low.md",
        target="Modi et al. - 2022 - Trastuzumab Deruxtecan in Previously Treated HER2-Low Advanced Breast Cancer.pdf",
        folder="Zotero/storage/breast",
        title="Trastuzumab Deruxtecan in Previously Treated HER2-Low Advanced Breast Cancer",
        created="2022-06-06T22:03:19.640Z",
        blocks=[
            dict(
                before="express low levels of HER2 that may be targetable.  METHODS ",
                exact="We conducted a phase 3 trial involving patients with HER2-low metastatic breast cancer who had received one or two previous lines of chemotherapy.",
                after=" (Low expression of HER2 was defined as a score of 1+ on",
                comment="Q: Prior chemo lines allowed in DESTINY-Breast04? A: 1–2 in the metastatic setting (HR+ also endocrine-refractory)",
                tags=["trial/DESTINY-Breast04"],
            ),
            dict(
                before="ived one or two previous lines of chemotherapy. ",
                exact="(Low expression of HER2 was defined as a score of 1+ on immunohistochemical [IHC] analysis or as an IHC score of 2+ and negative results on in situ hybridization.)",
                after=" Patients were randomly assigned in a 2:1 ratio to receive t",
                comment="HER2-bajo = HER2-low: IHC 1+ o IHC 2+/ISH negativo",
                tags=["breast", "HER2-low"],
            ),
            dict(
                before="RESULTS Of the 557 patients who underwent randomization, 494 (88.7%) had hormone receptor–positive disease and 63 (11.3%) had hormone receptor–negative disease. ",
                exact="In the hormone receptor–positive cohort, the median progression-free survival was 10.1 months in the trastuzumab deruxtecan group and 5.4 months in the physician’s choice group (hazard ratio for disease progression or death, 0.51; P<0.001), and overall survival was 23.9 months and 17.5 months, respectively (hazard ratio for death, 0.64; P=0.003).",
                after=" Among all patients, the median progression-free survival wa",
                comment="",
                tags=["breast"],
            ),
            dict(
                before="(hazard ratio for death, 0.64; P=0.003). ",
                exact="Among all patients, the median progression-free survival was 9.9 months in the trastuzumab deruxtecan group and 5.1 months in the physician’s choice group (hazard ratio for disease progression or death, 0.50; P<0.001), and overall survival was 23.4 months and 16.8 months, respectively (hazard ratio for death, 0.64; P=0.001).",
                after=" Adverse events of grade 3 or higher occurred in 52.6% of th",
                comment="",
                tags=[],
            ),
            dict(
                before="(hazard ratio for death, 0.64; P=0.001). ",
                exact="Adverse events of grade 3 or higher occurred in 52.6% of the patients who received trastuzumab deruxtecan and 67.4% of those who received the physician’s choice of chemotherapy. Adjudicated, drug-related interstitial lung disease or pneumonitis occurred in 12.1% ofthe patients who received trastuzumab deruxtecan; 0.8% had grade 5 events.",
                after="  CONCLUSIONS In this trial involving patients with HER2-low",
                comment="ILD = EPI (enfermedad pulmonar intersticial). Hold T-DXd for any grade; steroids from grade 2, stop for good.",
                tags=["breast", "AE"],
            ),
            dict(
                before="ith those having HER2-positive disease.1  A",
                exact="pproximately 60% of breast cancers that are considered HER2-negative have low levels of HER2 expression",
                after=",2-4 but HER2-targeted therapies have not been shown to b",
                comment="",
                tags=[],
            ),
            dict(
                before="ugh not with trastuzumab emtansine.10 ",
                exact="Trastuzumab deruxtecan is an antibody–drug conjugate composed of an anti-HER2 antibody, a cleavable tetrapeptide-based linker, and a cytotoxic topoisomerase I inhibitor. The released payload is membrane-permeable, which allows for a cytotoxic eﬀect on neighboring tumor cells regardless of HER2 expression (bystander antitumor eﬀect).11,12",
                after=" In a phase 1b study, trastuzumab deruxtecan had promising a",
                comment="bystander effect 旁观者效应 → why it works in heterogeneous HER2-low tumours",
                tags=["ADC"],
            ),
        ],
    ),
    # ------------------------------------------------------------ 10. EMPA-REG OUTCOME (NEJM 2015)
    dict(
        note="EMPA-REG OUTCOME.md",
        target="Zinman et al. - 2015 - Empagliflozin, Cardiovascular Outcomes, and Mortality in Type 2 Diabetes.pdf",
        folder="cardio/SGLT2",
        title="Empagliflozin, Cardiovascular Outcomes, and Mortality in Type 2 Diabetes",
        created="2020-09-14T18:44:27.003Z",
        blocks=[
            dict(
                before="BACKGROUND The effects of empagliflozin, ",
                exact="an inhibitor of sodium–glucose cotransporter 2",
                after=", in addition to standard care, on cardiovascular morbidity",
                comment="钠-葡萄糖协同转运蛋白2 (SGLT2)",
                tags=[],
            ),
            dict(
                before="at high cardiovascular risk are not known.  METHODS ",
                exact="We randomly assigned patients to receive 10 mg or 25 mg of empagliflozin or placebo once daily. The primary composite outcome was death from cardiovascular causes, nonfatal myocardial infarction (excluding silent myocardial infarction), or nonfatal stroke, as analyzed in the pooled empagliflozin group versus the placebo group.",
                after=" The key secondary composite outcome was the primary outcome",
                comment="3-point MACE",
                tags=["cardio", "trial/EMPA-REG"],
            ),
            dict(
                before="ed empagliflozin group versus the placebo group.  RESULTS ",
                exact="A total of 7020 patients were treated (median observation time, 3.1 years). The primary outcome occurred in 490 of 4687 patients (10.5%) in the pooled empagliflozin group and in 282 of 2333 patients (12.1%) in the placebo group (hazard ratio in the empagliflozin group, 0.86; 95.02% confidence interval, 0.74 to 0.99; P=0.04 for superiority).",
                after=" There were no significant between-group differences in the",
                comment="95.02% CI because of the alpha spent at the interim analysis",
                tags=[],
            ),
            dict(
                before="CI, 0.74 to 0.99; P=0.04 for superiority). ",
                exact="There were no significant between-group differences in the rates of myocardial infarction or stroke, but in the empagliflozin group there were signiﬁcantly lower rates of death from cardiovascular causes (3.7%, vs. 5.9% in the placebo group; 38% relative risk reduction), hospitalization for heart failure (2.7% and 4.1%, respectively; 35% relative risk reduction), and death from any cause (5.7% and 8.3%, respectively; 32% relative risk reduction).",
                after=" There was no significant between-group difference in the ke",
                comment="So the whole MACE benefit came from CV death — nothing on MI or stroke. Points to a haemodynamic / heart-failure mechanism rather than an anti-atherosclerotic one, and that is what launched DAPA-HF and EMPEROR-Reduced. Would anyone in 2015 have predicted a diabetes drug becoming heart-failure therapy?",
                tags=["cardio", "SGLT2"],
            ),
            dict(
                before="outcome (P=0.08 for superiority). ",
                exact="Among patients receiving empagliflozin, there was an increased rate of genital infection but no increase in other adverse events.",
                after="  CONCLUSIONS Patients with type 2 diabetes at high risk fo",
                comment="",
                tags=[],
            ),
            dict(
                before="ular disease; a glycated hemoglobin level of 7.0 to 9.0% for patients who had received no glucose-lowering agents for at least 12 weeks before random- ization, or of 7.0 to 10.0% for patients who had received stable glucose-lowering therapy; ",
                exact="a body-mass index (the weight in kilograms divided by the square of the height in meters) of 45 or less; and an estimated glomerular filtration rate (eGFR) of at least 30 ml per minute per 1.73 m2 of body-surface area, according to the Modification of Diet in Renal Disease equation.",
                after="  Study Treatment Patients were randomly assigned in a 1:1",
                comment="",
                tags=[],
            ),
            dict(
                before="increased urinary glucose excretion.1,2 ",
                exact="Sodium–glucose cotransporter 2 (SGLT2) inhibitors reduce hyperglycemia in patients with type 2 diabetes by decreasing renal glucose reabsorption and thereby increasing urinary glucose excretion.",
                after="3,4 Empagliflozin is a selective inhibitor of SGLT2",
                comment="",
                tags=[],
            ),
        ],
    ),
    # ---------------------------------------------------------------- 11. PARADIGM-HF (NEJM 2014)
    dict(
        note="PARADIGM-HF sacubitril-valsartan.md",
        target="cardio/HF/nejmoa1409077.pdf",
        folder="cardio/HF",
        title="Angiotensin–Neprilysin Inhibition versus Enalapril in Heart Failure",
        created="2020-10-02T06:57:58.481Z",
        blocks=[
            dict(
                before="effects on ventricular remodeling.1-3 ",
                exact="Neprilysin, a neutral endopeptidase, degrades several endogenous vasoactive peptides, including natriuretic peptides, bradykinin, and adrenomedullin. Inhibition of neprilysin increases the levels of these substances, countering the neurohormonal overactivation that contributes to vasoconstriction, sodium retention, and maladaptive remodeling.",
                after="4,5 Combined inhibition of the renin–angiotensin system an",
                comment="脑啡肽酶 neprilysin",
                tags=["cardio", "HF"],
            ),
            dict(
                before="t failure with a reduced ejection fraction.  METHODS ",
                exact="In this double-blind trial, we randomly assigned 8442 patients with class II, III, or IV heart failure and an ejection fraction of 40% or less to receive either LCZ696 (at a dose of 200 mg twice daily) or enalapril (at a dose of 10 mg twice daily), in addition to recommended therapy.",
                after=" The primary outcome was a composite of death from cardiova",
                comment="Q: PARADIGM-HF doses?\nA: sacubitril/valsartan 97/103 mg (= LCZ696 200 mg) BID vs enalapril 10 mg BID",
                tags=["trial/PARADIGM-HF"],
            ),
            dict(
                before="r hospitalization for heart failure.  RESULTS ",
                exact="The trial was stopped early, according to prespecified rules, after a median follow-up of 27 months, because the boundary for an overwhelming benefit with LCZ696 had been crossed.",
                after=" At the time of study closure, the primary outcome had occur",
                comment="",
                tags=[],
            ),
            dict(
                before="r an overwhelming benefit with LCZ696 had been crossed. ",
                exact="At the time of study closure, the primary outcome had occurred in 914 patients (21.8%) in the LCZ696 group and 1117 patients (26.5%) in the enalapril group (hazard ratio in the LCZ696 group, 0.80; 95% confidence interval [CI], 0.73 to 0.87; P<0.001).",
                after=" A total of 711 patients (17.0%) receiving LCZ696 and 835 p",
                comment="NNT ≈ 21 over 27 months",
                text="NNT",
                tags=[],
            ),
            dict(
                before="0.80; 95% confidence interval [CI], 0.73 to 0.87; P<0.001). ",
                exact="A total of 711 patients (17.0%) receiving LCZ696 and 835 patients (19.8%) receiving enalapril died (hazard ratio for death from any cause, 0.84; 95% CI, 0.76 to 0.93; P<0.001); of these patients, 558 (13.3%) and 693 (16.5%), respectively, died from cardiovascular causes (hazard ratio, 0.80; 95% CI, 0.71 to 0.89; P<0.001).",
                after=" As compared with enalapril, LCZ696 also reduced the risk of",
                comment="",
                tags=[],
            ),
            dict(
                before="ptoms and physical limitations of heart failure (P=0.001). ",
                exact="The LCZ696 group had higher proportions of patients with hypotension and nonserious angioedema but lower proportions with renal impairment, hyperkalemia, and cough than the enalapril group.",
                after="  CONCLUSIONS LCZ696 was superior to enalapril in reducing",
                comment="Mnemonic \"HA! and 3 K's\": Hypotension and Angioedema go up; Kidney, K+ and Kough (cough) go down.",
                tags=["cardio"],
            ),
            dict(
                before="e of two sequential run-in periods. In the first run-in period, ",
                exact="all patients received enalapril at a dose of 10 mg twice daily for 2 weeks (single-blind); patients who had no unacceptable side effects then received LCZ696 (single-blind) at a dose of 100 mg twice daily for 1 to 2 weeks, with an increase to 200 mg twice daily",
                after=" for an additional 2 to 4 weeks. Patients who had no unacce",
                comment="The run-in excluded ~20% who could not tolerate one drug or the other, so the randomised population is preselected for tolerability. Does that overstate the real-world benefit? Probably the relative effect holds, but the adverse-event rates are underestimated.",
                tags=["anki/skip"],
            ),
        ],
    ),
    # ------------------------------------------------------------ 12. RECOVERY dexamethasone (NEJM 2021)
    dict(
        note="RECOVERY dexamethasone.md",
        target="NEJMoa2021436.pdf",
        folder="ID/COVID",
        title="nejmoa2021436 1..12",
        created="2021-02-20T16:21:36.855Z",
        blocks=[
            dict(
                before="BACKGROUND Coronavirus disease 2019 (Covid-19) is associated with diffuse lung damage. G",
                exact="lucocorticoids may modulate inflammation-mediated lung injury and thereby reduce progression to respiratory failure and death.",
                after="  METHODS In this controlled, open-label trial comparing a",
                comment="",
                tags=[],
            ),
            dict(
                before="gression to respiratory failure and death.  METHODS ",
                exact="In this controlled, open-label trial comparing a range of possible treatments in patients who were hospitalized with Covid-19, we randomly assigned patients to receive oral or intravenous dexamethasone (at a dose of 6 mg once daily) for up to 10 days or to receive usual care alone.",
                after=" The primary outcome was 28-day mortality. Here, we report t",
                comment="dexametasona 6 mg/día hasta 10 días",
                tags=["ID", "COVID", "trial/RECOVERY"],
            ),
            dict(
                before="RESULTS A total of 2104 patients were assigned to receive dexamethasone and 4321 to receive usual care. ",
                exact="Overall, 482 patients (22.9%) in the dexamethasone group and 1110 patients (25.7%) in the usual care group died within 28 days after randomization (age-adjusted rate ratio, 0.83; 95% confidence interval [CI], 0.75 to 0.93; P<0.001).",
                after=" In the dexamethasone group, the incidence of death was lowe",
                comment="",
                tags=[],
            ),
            dict(
                before="0.83; 95% confidence interval [CI], 0.75 to 0.93; P<0.001). ",
                exact="In the dexamethasone group, the incidence of death was lower than that in the usual care group among patients receiving invasive mechanical ventilation (29.3% vs. 41.4%; rate ratio, 0.64; 95% CI, 0.51 to 0.81) and among those receiving oxygen without invasive mechanical ventilation (23.3% vs. 26.2%; rate ratio, 0.82; 95% CI, 0.72 to 0.94) but not among those who were receiving no respiratory support at randomization (17.8% vs. 14.0%; rate ratio, 1.19; 95% CI, 0.92 to 1.55).",
                after="  CONCLUSIONS In patients hospitalized with Covid-19, the us",
                comment="The key point: the benefit scales with severity — ventilated > oxygen > none, with possible harm when no oxygen is needed. Fits the idea that late disease is immunopathology and early disease is viral replication. Why would steroids help while the virus is still replicating? They would not.",
                tags=["COVID"],
            ),
            dict(
                before="y support at randomization (17.8% vs. 14.0%; rate ratio, 1.19; 95% CI, 0.92 to 1.55).  CONCLUSIONS ",
                exact="In patients hospitalized with Covid-19, the use of dexamethasone resulted in lower 28-day mortality among those who were receiving either invasive mechanical ventilation or oxygen alone at randomization but not among those receiving no respiratory support.",
                after=" (Funded by the Medical Research Council and National Instit",
                comment="",
                tags=[],
            ),
        ],
    ),
]


def _id(rng: random.Random) -> str:
    """A block id as Math.random().toString(36).substr(2) gives it: [0-9a-z], here 10 to 12 long."""
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
    return "".join(rng.choice(alphabet) for _ in range(rng.choice((10, 11, 11, 11, 12))))


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _block(id: str, data: dict, exact: str, prefix: str, suffix: str, comment: str,
           tags: list[str], style: str) -> str:
    """One block as makeAnnotationString writes it, with the empty line before and "\\n" after."""
    if style == "marked":
        line = f"*%%HIGHLIGHT%% =={exact.strip()}== *"
    else:
        line = f"*%%PREFIX%%{prefix.strip()}%%HIGHLIGHT%% =={exact.strip()}== %%POSTFIX%%{suffix.strip()}*"
    text = "\n".join([
        "%%",
        "```annotation-json",
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),  # as JSON.stringify
        "```",
        "%%",
        line,
        f"%%LINK%%[[#^{id}|show annotation]]",
        "%%COMMENT%%",
        comment,
        "%%TAGS%%",
        ", ".join("#" + t for t in tags),
    ])
    quoted = "\n".join(">" + part for part in text.split("\n"))
    return f"\n{quoted}\n^{id}\n"


def render(paper: dict, rng: random.Random) -> str:
    fingerprint = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    file_name = paper["target"].rsplit("/", 1)[-1]
    vault_path = f"{paper['folder']}/{file_name}"
    # the plugin's vault: uri percent-encodes non-ASCII characters and keeps spaces raw
    uri = "vault:/" + urllib.parse.quote(vault_path, safe="/ ,()-'&+;=")
    document = {
        "title": paper["title"],
        "link": [{"href": f"urn:x-pdf:{fingerprint}"}, {"href": uri}],
        "documentFingerprint": fingerprint,
    }
    moment = datetime.strptime(paper["created"], "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    position = rng.randint(700, 2600)
    blocks = []
    for spec in paper["blocks"]:
        exact = spec["exact"]
        prefix = spec["before"][-32:]
        suffix = spec["after"][:32]
        data: dict = {"created": _iso(moment)}
        text = spec.get("text", spec["comment"])
        if text:
            data["text"] = text
        data.update({
            "updated": _iso(moment),
            "document": document,
            "uri": uri,
            "target": [{"source": uri, "selector": [
                {"type": "TextPositionSelector", "start": position, "end": position + len(exact)},
                {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
            ]}],
        })
        blocks.append(_block(_id(rng), data, exact, prefix, suffix, spec["comment"], spec["tags"],
                             paper.get("style", "full")))
        position += len(exact) + rng.randint(150, 4200)
        moment += timedelta(seconds=rng.randint(40, 900), milliseconds=rng.randint(0, 999))
    target = paper["target"]
    if paper.get("quote_target"):
        target = f'"{target}"'
    head = f"---\nannotation-target: {target}\n---\n"
    if paper.get("intro"):
        head += "\n" + paper["intro"]
    # the plugin appends each block to the file as `${file}\n${block}`
    return head + "".join("\n" + b for b in blocks)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240611)
    for paper in PAPERS:
        assert 5 <= len(paper["blocks"]) <= 9, paper["note"]
        (OUT / paper["note"]).write_text(render(paper, rng), encoding="utf-8")
        print(f"{paper['note']}: {len(paper['blocks'])} blocks")


if __name__ == "__main__":
    main()
