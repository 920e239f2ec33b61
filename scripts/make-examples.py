#!/usr/bin/env python3
"""Writes Examples/: fictional job postings (all text written for JobScope) in every input format.

The postings tell one story on purpose: across 2023-2025, generative-AI work moves from a side topic to the
centre. Classic data roles stay, the emerging roles (Generative AI Engineer, AI Model Trainer, NLP Specialist)
appear and grow, LLM, RAG and evaluation skills rise, TensorFlow gives way to PyTorch. A few postings fit no
AI role at all, and a few carry no date. Companies and people are invented.

Run from the repository root: python3 scripts/make-examples.py
"""
import csv, html, json, os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Examples")

# Duties per role, in the voice of a hiring team. Each posting takes three, starting at a different place.
DUTIES = {
    "mle": ["Take models from a notebook to a monitored production service",
            "Build training and evaluation pipelines the whole team can rerun",
            "Work with data scientists and software engineers to ship model-backed features",
            "Watch latency, cost and drift once models are live, and fix what slips",
            "Deploy models to production behind versioned APIs"],
    "ds": ["Dig into product and customer data to answer the questions leaders actually ask",
           "Design experiments and read their results honestly, including the dull ones",
           "Build predictive models for churn, demand and pricing",
           "Turn analyses into short write-ups and charts people act on",
           "Prepare and clean the training data our models learn from"],
    "da": ["Own the weekly reporting pack for sales and operations",
           "Write SQL to pull, reconcile and clean data from several systems",
           "Turn ad-hoc questions into clear dashboards",
           "Check numbers twice before they reach a board slide"],
    "de": ["Build and run the batch and streaming pipelines behind our warehouse",
           "Model warehouse tables so analysts can trust them",
           "Keep data quality checks green and explain them when they are not",
           "Move legacy jobs onto a scheduler with alerting"],
    "genai": ["Build product features on top of large language models, from prompt design to evaluation",
              "Design retrieval-augmented generation over our own documents",
              "Set up evaluation suites that catch regressions before customers do",
              "Keep token cost and response time within budget",
              "Fine-tune open models where prompting alone falls short",
              "Add guardrails against prompt injection and unsafe output"],
    "trainer": ["Write and review example conversations used to fine-tune our assistant",
                "Rate model answers against written guidelines and explain each rating",
                "Spot patterns in model mistakes and report them to the research team",
                "Keep annotation guidelines up to date as the model changes"],
    "nlp": ["Build text classification, extraction and search models for our domain",
            "Fine-tune transformer models on specialist vocabulary",
            "Evaluate models on multilingual data and report where they fail",
            "Work with linguists on tokenization and entity recognition"],
    "research": ["Run experiments on new generative model architectures",
                 "Publish at venues such as NeurIPS and ICML",
                 "Turn promising results into prototypes with the engineering team",
                 "Study where current models fail and why"],
    "pm": ["Own the roadmap for an AI-assisted product",
           "Translate user needs and model limits into clear product requirements",
           "Coordinate engineering, design, legal and go-to-market teams",
           "Decide what to launch based on evaluation results, not demos"],
    "ethics": ["Review AI features for bias, privacy and misuse risks before launch",
               "Write and maintain our responsible AI guidelines",
               "Train product teams on ethical considerations in AI development",
               "Work with legal on AI regulation such as the EU AI Act"],
    "ux": ["Design interfaces for AI-generated content, including how errors and uncertainty are shown",
           "Run user research and usability testing with real customers",
           "Prototype new interactions in Figma and test them early",
           "Work with machine learning engineers on what the model can and cannot do"],
    "curator": ["Review AI-generated articles and images for accuracy, tone and appropriateness",
                "Curate and clean the datasets used to train our models",
                "Give structured feedback to the model team",
                "Keep a style guide for generated content"],
    "swe": ["Build backend services and APIs used by millions of requests a day",
            "Review code and keep the test suite fast",
            "Improve reliability of our deployment pipeline"],
    "nurse": ["Provide direct patient care on a busy medical-surgical unit",
              "Give medication and monitor patients after surgery",
              "Teach patients and families about recovery at home",
              "Work closely with physicians, pharmacists and therapists"],
    "bakery": ["Run the early production shift for bread and pastry",
               "Keep food safety records and temperature logs",
               "Train new bakers on recipes and equipment"],
}

# How a posting asks for a skill. Keys are free text; the skill matcher decides what they mean.
PHRASES = {
    "python": "Strong Python", "sql": "Fluent SQL", "r": "R for statistical work",
    "pytorch": "Hands-on PyTorch", "tensorflow": "TensorFlow and Keras", "aws": "AWS (SageMaker, S3, Lambda)",
    "gcp": "Google Cloud", "azure": "Azure", "docker": "Docker and Kubernetes", "mlops": "MLOps tooling such as MLflow",
    "spark": "Apache Spark", "airflow": "Airflow", "dbt": "dbt", "tableau": "Tableau", "powerbi": "Power BI",
    "excel": "Advanced Excel (pivot tables, VLOOKUP)", "stats": "Statistics and hypothesis testing",
    "linalg": "Linear algebra and probability", "pandas": "pandas and NumPy", "sklearn": "scikit-learn",
    "llm": "Experience building with large language models (LLMs)", "rag": "Retrieval-augmented generation (RAG)",
    "langchain": "LangChain or LlamaIndex", "vectordb": "Vector databases such as pgvector or Pinecone",
    "prompt": "Prompt engineering", "finetune": "Fine-tuning with LoRA or similar methods",
    "eval": "Model evaluation and test design", "hf": "Hugging Face Transformers", "transformers": "Transformer architectures",
    "nlp": "Natural language processing", "openai": "OpenAI API", "deeplearning": "Deep learning",
    "communication": "Clear written and spoken communication", "pm": "Project management",
    "roadmap": "Product roadmaps and prioritisation", "ethics": "AI ethics and policy frameworks",
    "bias": "Bias and fairness auditing", "privacy": "Data privacy (GDPR)", "critical": "Critical thinking",
    "figma": "Figma", "research": "User research", "usability": "Usability testing",
    "writing": "Excellent writing and editing", "factcheck": "Fact-checking", "annotation": "Data annotation and labelling",
    "detail": "Attention to detail", "java": "Java or Go", "git": "Git and CI/CD", "ab": "A/B testing",
    "visual": "Data visualization", "agile": "Agile delivery (Scrum)", "safety": "Red teaming and AI safety",
    "multilingual": "Multilingual text processing", "cv": "Computer vision",
    "rn": "Registered Nurse licence", "bls": "BLS certification", "food": "Food hygiene certificate",
}

DEGREES = {
    "bachelor": "Bachelor's degree in computer science, statistics or a related field",
    "master": "Master's degree in a quantitative field",
    "phd": "PhD in machine learning, computer science or a related field",
    "none": None,
}

# Degrees stated in the field a hiring team for that role would name.
FIELD_DEGREES = {
    ("nurse", "bachelor"): "Bachelor of Science in Nursing",
    ("trainer", "bachelor"): "Bachelor's degree in any subject; teaching or editing experience counts",
    ("trainer", "master"): "Master's degree in medicine, nursing or public health",
    ("curator", "bachelor"): "Bachelor's degree in journalism, English or a related field",
    ("ux", "bachelor"): "Bachelor's degree in design, HCI or a related field",
    ("ethics", "master"): "Master's degree in philosophy, law, public policy or a related field",
    ("ethics", "phd"): "PhD in ethics, law, public health or a related field",
    ("pm", "bachelor"): "Bachelor's degree in a technical or business field",
}

# id, format, date, role duties key, title, company, location, workplace, salary (min, max, currency, unit),
# education, years, intro (one or two sentences of its own), required skills, nice-to-have skills, domain line
P = []
def posting(*a): P.append(a)

# ---------------------------------------------------------------- 2023: classic data work, first LLM pilots
posting("p01", "csv", "2023-01-16", "ds", "Data Scientist", "Northwind Insurance", "Hartford, CT", "hybrid",
        (105000, 130000, "USD", "year"), "master", 3,
        "Our claims team wants to know which claims are likely to need a second look. You will build the models and explain them to adjusters.",
        ["python", "sql", "stats", "sklearn"], ["tableau", "aws"], "finance")
posting("p02", "csv", "2023-02-03", "mle", "Machine Learning Engineer", "Brightpath Logistics", "Chicago, IL", "onsite",
        (125000, 150000, "USD", "year"), "bachelor", 4,
        "We route forty thousand parcels a day with models that were built in a hurry. Help us rebuild them properly.",
        ["python", "tensorflow", "aws", "docker"], ["spark", "mlops"], None)
posting("p03", "jsonl", "2023-02-21", "da", "Data Analyst", "Cobalt Retail Group", "Leeds, UK", "hybrid",
        (32000, 40000, "GBP", "year"), "bachelor", 2,
        "Store managers need numbers they can trust by Monday morning. You will make sure they get them.",
        ["sql", "excel", "powerbi"], ["python"], None)
posting("p04", "html", "2023-03-09", "ds", "Senior Data Scientist", "Meridian Health Partners", "Boston, MA", "hybrid",
        (140000, 170000, "USD", "year"), "phd", 5,
        "We study hospital readmissions across twelve sites. The work is careful, slow when it must be, and matters to patients.",
        ["python", "r", "stats", "sql"], ["deeplearning", "communication"], "healthcare")
posting("p05", "csv", "2023-03-27", "de", "Data Engineer", "Lumen Payments", "Austin, TX", "remote",
        (120000, 145000, "USD", "year"), "bachelor", 3,
        "Every payment we process leaves a trail of events. You will build the pipelines that turn them into tables.",
        ["python", "sql", "spark", "airflow"], ["dbt", "aws"], "finance")
posting("p06", "csv", "2023-04-12", "mle", "Machine Learning Engineer, Recommendations", "Tidewater Media", "Los Angeles, CA", "hybrid",
        (135000, 165000, "USD", "year"), "master", 3,
        "Viewers skip a show within four minutes if the suggestion is wrong. Help us suggest better.",
        ["python", "tensorflow", "gcp", "sql"], ["spark", "ab"], "entertainment")
posting("p07", "jsonl", "2023-05-02", "research", "AI Research Scientist", "Quillstone AI Lab", "Toronto, Canada", "onsite",
        (150000, 190000, "CAD", "year"), "phd", 2,
        "A small lab working on generative models for molecules. We publish openly and share code.",
        ["python", "pytorch", "linalg", "deeplearning"], ["transformers"], "healthcare")
posting("p08", "csv", "2023-05-19", "da", "Junior Data Analyst", "Harbor City Council", "Baltimore, MD", "onsite",
        (52000, 61000, "USD", "year"), "bachelor", 1,
        "Help the city understand its own services: bins, buses, permits and parks.",
        ["sql", "excel", "tableau"], ["r"], None)
posting("p09", "html", "2023-06-14", "ds", "Data Scientist, Marketing", "Fable & Finch", "New York, NY", "hybrid",
        (115000, 140000, "USD", "year"), "master", 2,
        "We sell stationery online and test everything. You will design the tests and tell us what they mean.",
        ["python", "sql", "ab", "stats"], ["llm"], "marketing")
posting("p10", "csv", "2023-07-05", "swe", "Backend Software Engineer", "Lumen Payments", "Austin, TX", "remote",
        (130000, 155000, "USD", "year"), "bachelor", 4,
        "Our payments API must never be the reason a purchase fails.",
        ["java", "sql", "git"], ["docker"], "finance")
posting("p11", "csv", "2023-08-08", "mle", "ML Engineer, Computer Vision", "Orchard Robotics", "Sacramento, CA", "onsite",
        (128000, 152000, "USD", "year"), "master", 3,
        "Our harvesters see fruit through cameras. The models behind them need to run on small hardware in bright sun.",
        ["python", "pytorch", "cv", "docker"], ["tensorflow"], None)
posting("p12", "jsonl", "2023-09-12", "genai", "Generative AI Engineer", "Parable Software", "Remote (US)", "remote",
        (150000, 180000, "USD", "year"), "bachelor", 3,
        "We are adding a writing assistant to our document editor and need the first engineer to own it.",
        ["python", "llm", "prompt", "openai"], ["langchain"], None)
posting("p13", "csv", "2023-09-28", "ds", "Data Scientist", "Greenfield Energy", "Denver, CO", "hybrid",
        (110000, 135000, "USD", "year"), "master", 2,
        "Forecast demand on a grid that is changing faster than its history.",
        ["python", "sql", "stats", "visual"], ["spark"], None)
posting("p14", "txt", "2023-10-17", "nurse", "Registered Nurse, Med-Surg", "St. Brigid Hospital", "Portland, OR", "onsite",
        (42, 58, "USD", "hour"), "bachelor", 1,
        "Our 32-bed unit is looking for a nurse who likes a fast pace and a team that has your back.",
        ["rn", "bls", "communication"], [], "healthcare")
posting("p15", "csv", "2023-11-06", "ux", "UX Designer, AI Features", "Parable Software", "Remote (US)", "remote",
        (115000, 140000, "USD", "year"), "bachelor", 3,
        "Writing assistants fail in new ways. We need a designer who makes those failures easy to spot and recover from.",
        ["figma", "research", "usability"], ["llm"], None)
posting("p16", "html", "2023-12-04", "mle", "Senior Machine Learning Engineer", "Northwind Insurance", "Hartford, CT", "hybrid",
        (150000, 180000, "USD", "year"), "master", 6,
        "Lead the move of our pricing models from nightly batch jobs to real-time scoring.",
        ["python", "tensorflow", "aws", "mlops"], ["docker"], "finance")

# ---------------------------------------------------------------- 2024: LLM work spreads, new roles appear
posting("p17", "csv", "2024-01-22", "genai", "Generative AI Engineer", "Ledgerline", "New York, NY", "hybrid",
        (165000, 195000, "USD", "year"), "bachelor", 4,
        "Accountants ask our product questions in plain English. You will make sure the answers are right and cite their source.",
        ["python", "llm", "rag", "vectordb"], ["langchain", "eval"], "finance")
posting("p18", "jsonl", "2024-02-06", "trainer", "AI Model Trainer (Contract)", "Verity Data Services", "Remote", "remote",
        (32, 45, "USD", "hour"), "bachelor", 1,
        "Teach an assistant to explain science to school students. You write, it learns, we measure.",
        ["writing", "detail", "annotation"], ["prompt"], "education")
posting("p19", "csv", "2024-02-20", "ds", "Data Scientist", "Cobalt Retail Group", "Leeds, UK", "hybrid",
        (50000, 62000, "GBP", "year"), "master", 2,
        "Price thirty thousand products a week without annoying anyone.",
        ["python", "sql", "stats", "sklearn"], ["llm"], None)
posting("p20", "html", "2024-03-11", "pm", "AI Product Manager", "Ledgerline", "New York, NY", "hybrid",
        (160000, 185000, "USD", "year"), "bachelor", 5,
        "Own the assistant inside our accounting product, from the first prompt to the renewal call.",
        ["roadmap", "communication", "llm"], ["agile", "ab"], "finance")
posting("p21", "csv", "2024-03-28", "mle", "Machine Learning Engineer", "Tidewater Media", "Los Angeles, CA", "hybrid",
        (140000, 170000, "USD", "year"), "master", 3,
        "Our recommendation stack is moving to PyTorch and we want help doing it without breaking Friday night.",
        ["python", "pytorch", "gcp", "docker"], ["llm", "mlops"], "entertainment")
posting("p22", "jsonl", "2024-04-15", "nlp", "NLP Specialist", "Meridian Health Partners", "Boston, MA", "hybrid",
        (135000, 160000, "USD", "year"), "phd", 3,
        "Clinical notes hold what structured fields miss. Pull it out reliably and keep patients' data safe.",
        ["python", "nlp", "hf", "transformers"], ["privacy", "llm"], "healthcare")
posting("p23", "csv", "2024-05-02", "da", "Data Analyst", "Harbor City Council", "Baltimore, MD", "onsite",
        (56000, 66000, "USD", "year"), "bachelor", 2,
        "Report on city services and help departments ask better questions of their data.",
        ["sql", "excel", "tableau"], ["python"], None)
posting("p24", "md", "2024-05-21", "ethics", "AI Ethicist", "Civic Signal", "Washington, DC", "hybrid",
        (120000, 145000, "USD", "year"), "master", 4,
        "We build tools that summarise public consultations. Make sure they treat every voice fairly.",
        ["ethics", "bias", "critical"], ["privacy", "llm"], None)
posting("p25", "csv", "2024-06-10", "genai", "Senior Generative AI Engineer", "Atlas Freight", "Remote (US)", "remote",
        (175000, 205000, "USD", "year"), "bachelor", 6,
        "Dispatchers spend hours reading emails about delays. Build the system that reads them first.",
        ["python", "llm", "rag", "aws"], ["finetune", "eval"], None)
posting("p26", "html", "2024-06-27", "ds", "Data Scientist, Product", "Fable & Finch", "New York, NY", "hybrid",
        (125000, 150000, "USD", "year"), "master", 3,
        "Measure whether our new gift-message writer actually helps people finish checkout.",
        ["python", "sql", "ab", "llm"], ["visual"], "marketing")
posting("p27", "csv", "2024-07-16", "curator", "AI Content Curator", "Tidewater Media", "Los Angeles, CA", "hybrid",
        (70000, 85000, "USD", "year"), "bachelor", 2,
        "We use generative tools to draft episode summaries. A person still decides what viewers read.",
        ["writing", "factcheck", "detail"], ["llm"], "entertainment")
posting("p28", "jsonl", "2024-08-05", "de", "Data Engineer", "Ledgerline", "New York, NY", "hybrid",
        (140000, 165000, "USD", "year"), "bachelor", 3,
        "Our assistant is only as good as the documents it can find. Build the pipelines that feed it.",
        ["python", "sql", "airflow", "vectordb"], ["spark"], "finance")
posting("p29", "csv", "2024-08-26", "mle", "Machine Learning Engineer, LLM Platform", "Quillstone AI Lab", "Toronto, Canada", "hybrid",
        (160000, 190000, "CAD", "year"), "master", 4,
        "Serve our research models to internal teams at sensible cost.",
        ["python", "pytorch", "llm", "docker"], ["finetune"], None)
posting("p30", "csv", "2024-09-09", "trainer", "AI Model Trainer, Finance", "Verity Data Services", "Remote", "remote",
        (40, 55, "USD", "hour"), "bachelor", 2,
        "Write and grade answers to questions an analyst would ask about company filings.",
        ["writing", "detail", "annotation"], ["excel"], "finance")
posting("p31", "html", "2024-10-01", "genai", "Generative AI Engineer", "Meridian Health Partners", "Boston, MA", "hybrid",
        (160000, 185000, "USD", "year"), "bachelor", 4,
        "Draft discharge letters that doctors edit rather than write. Safety first, speed second.",
        ["python", "llm", "rag", "eval"], ["privacy", "azure"], "healthcare")
posting("p32", "csv", "2024-10-22", "ds", "Data Scientist", "Greenfield Energy", "Denver, CO", "hybrid",
        (115000, 140000, "USD", "year"), "master", 3,
        "Forecast solar output and explain the misses to the control room.",
        ["python", "sql", "stats"], ["llm"], None)
posting("p33", "csv", "2024-12-03", "bakery", "Bakery Production Lead", "Crumb & Co.", "Madison, WI", "onsite",
        (21, 25, "USD", "hour"), "none", 3,
        "Our ovens start at four. You will be the calm person in the room when they do.",
        ["food", "communication"], [], None)

# ---------------------------------------------------------------- 2025: generative AI moves to the centre
posting("p34", "csv", "2025-01-13", "genai", "Generative AI Engineer", "Cobalt Retail Group", "Leeds, UK", "hybrid",
        (70000, 88000, "GBP", "year"), "bachelor", 3,
        "Customers ask our chat helper about returns all day. Make its answers right and its tone kind.",
        ["python", "llm", "rag", "eval"], ["langchain", "azure"], None)
posting("p35", "jsonl", "2025-01-29", "genai", "Generative AI Engineer, Agents", "Atlas Freight", "Remote (US)", "remote",
        (180000, 210000, "USD", "year"), "bachelor", 5,
        "Agents that book trucks must never double-book one. Build them with that in mind.",
        ["python", "llm", "langchain", "eval"], ["vectordb", "aws"], None)
posting("p36", "html", "2025-02-11", "ethics", "Responsible AI Lead", "Parable Software", "Remote (US)", "remote",
        (170000, 200000, "USD", "year"), "master", 6,
        "Own how our assistant decides what it will and will not write, and be able to explain why.",
        ["ethics", "bias", "safety", "critical"], ["llm"], None)
posting("p37", "csv", "2025-02-24", "nlp", "NLP Specialist", "Lexicon Legal", "London, UK", "hybrid",
        (75000, 95000, "GBP", "year"), "phd", 3,
        "Contracts are long and clauses hide. Find them in twelve languages.",
        ["python", "nlp", "hf", "multilingual"], ["llm", "finetune"], "legal")
posting("p38", "csv", "2025-03-10", "trainer", "AI Model Trainer, Coding", "Verity Data Services", "Remote", "remote",
        (50, 70, "USD", "hour"), "bachelor", 3,
        "Review code written by a model, fix it, and explain the fix so the next version needs you less.",
        ["python", "detail", "annotation"], ["java"], None)
posting("p39", "jsonl", "2025-03-24", "mle", "Machine Learning Engineer", "Orchard Robotics", "Sacramento, CA", "onsite",
        (140000, 168000, "USD", "year"), "master", 3,
        "Teach our harvesters to describe what they see, in words the farm manager can read.",
        ["python", "pytorch", "cv", "llm"], ["docker"], None)
posting("p40", "csv", "2025-04-07", "genai", "Senior Generative AI Engineer", "Ledgerline", "New York, NY", "hybrid",
        (190000, 225000, "USD", "year"), "bachelor", 6,
        "Lead the second version of our assistant: better retrieval, real evaluation, lower cost.",
        ["python", "llm", "rag", "finetune"], ["eval", "vectordb"], "finance")
posting("p41", "html", "2025-04-22", "pm", "Product Manager, Generative AI", "Tidewater Media", "Los Angeles, CA", "hybrid",
        (165000, 190000, "USD", "year"), "bachelor", 5,
        "Decide where generative tools help our editors and where they get in the way.",
        ["roadmap", "communication", "llm"], ["ethics"], "entertainment")
posting("p42", "csv", "2025-05-06", "ds", "Data Scientist, LLM Evaluation", "Parable Software", "Remote (US)", "remote",
        (150000, 175000, "USD", "year"), "master", 3,
        "Measure whether the assistant is getting better, with numbers that survive a sceptical review.",
        ["python", "stats", "llm", "eval"], ["sql"], None)
posting("p43", "jsonl", "2025-05-20", "curator", "Content Curator, AI Training Data", "Quillstone AI Lab", "Toronto, Canada", "remote",
        (65000, 80000, "CAD", "year"), "bachelor", 2,
        "Choose, clean and document the text our models learn from, and keep a record of where it came from.",
        ["writing", "detail", "factcheck"], ["annotation", "llm"], None)
posting("p44", "csv", "2025-06-03", "genai", "Generative AI Engineer", "Greenfield Energy", "Denver, CO", "hybrid",
        (155000, 180000, "USD", "year"), "bachelor", 3,
        "Field engineers search manuals in the rain. Give them a search box that answers.",
        ["python", "llm", "rag", "vectordb"], ["azure"], None)
posting("p45", "md", "2025-06-17", "ux", "UX Designer, Conversational AI", "Ledgerline", "New York, NY", "hybrid",
        (135000, 160000, "USD", "year"), "bachelor", 4,
        "Design how people check, correct and trust what our assistant tells them.",
        ["figma", "research", "usability"], ["llm", "prompt"], "finance")
posting("p46", "csv", "2025-07-08", "da", "Data Analyst", "Cobalt Retail Group", "Leeds, UK", "hybrid",
        (35000, 44000, "GBP", "year"), "bachelor", 2,
        "Keep the weekly numbers honest while the rest of the company experiments with chat.",
        ["sql", "excel", "powerbi"], ["llm"], None)
posting("p47", "jsonl", "2025-07-22", "research", "Research Scientist, Language Models", "Quillstone AI Lab", "Toronto, Canada", "onsite",
        (170000, 210000, "CAD", "year"), "phd", 3,
        "Study how small language models can reason about chemistry, and publish what you find.",
        ["python", "pytorch", "llm", "linalg"], ["finetune"], "healthcare")
posting("p48", "csv", "2025-08-05", "trainer", "AI Model Trainer, Healthcare", "Verity Data Services", "Remote", "remote",
        (55, 75, "USD", "hour"), "master", 3,
        "Clinicians wanted: write and grade answers to patient questions so an assistant learns what safe advice sounds like.",
        ["writing", "detail", "annotation"], ["safety"], "healthcare")
posting("p49", "html", "2025-08-19", "genai", "Generative AI Engineer", "Civic Signal", "Washington, DC", "hybrid",
        (150000, 175000, "USD", "year"), "bachelor", 3,
        "Summarise thousands of public comments without losing the unusual ones.",
        ["python", "llm", "rag", "eval"], ["bias"], None)
posting("p50", "csv", "2025-09-09", "nlp", "NLP Specialist", "Fable & Finch", "New York, NY", "hybrid",
        (130000, 150000, "USD", "year"), "master", 3,
        "Read every review we get and tell the product team what customers are really saying.",
        ["python", "nlp", "llm", "transformers"], ["sql"], "marketing")
posting("p51", "csv", "2025-09-30", "mle", "MLOps Engineer", "Atlas Freight", "Remote (US)", "remote",
        (160000, 185000, "USD", "year"), "bachelor", 5,
        "Keep a dozen model services healthy, cheap and boring.",
        ["python", "docker", "mlops", "aws"], ["llm"], None)
posting("p52", "jsonl", "2025-10-14", "ethics", "AI Ethicist", "Meridian Health Partners", "Boston, MA", "hybrid",
        (140000, 165000, "USD", "year"), "phd", 5,
        "Decide, with clinicians, where an assistant may speak to patients and where it must stay silent.",
        ["ethics", "bias", "privacy", "critical"], ["llm"], "healthcare")
posting("p53", "csv", "2025-11-04", "genai", "Generative AI Engineer", "Harbor City Council", "Baltimore, MD", "onsite",
        (110000, 130000, "USD", "year"), "bachelor", 2,
        "Help residents find the right form on the first try, in the language they speak.",
        ["python", "llm", "rag", "prompt"], ["multilingual"], None)

# ---------------------------------------------------------------- undated: no date anywhere in the file
posting("p54", "txt", None, "ds", "Data Scientist", "Wrenfield Books", "Remote", "remote",
        None, "master", 2,
        "A small publisher with a lot of sales data and no one to read it yet.",
        ["python", "sql", "stats"], ["llm"], None)
posting("p55", "md", None, "genai", "Generative AI Engineer", "Kestrel Travel", "Barcelona, Spain", "hybrid",
        (60000, 75000, "EUR", "year"), "bachelor", 3,
        "Plan trips with travellers, not for them: an assistant that asks before it books.",
        ["python", "llm", "rag"], ["langchain"], None)
posting("p56", "txt", None, "nurse", "Charge Nurse, Night Shift", "Lakeside Care Home", "Duluth, MN", "onsite",
        (45, 60, "USD", "hour"), "bachelor", 3,
        "Lead a small night team in a 60-bed care home where residents know your name.",
        ["rn", "bls", "communication"], [], "healthcare")

WORKPLACE = {"remote": "This role is fully remote.", "hybrid": "Hybrid: three days a week in the office.",
             "onsite": "This role is on-site."}
DOMAIN = {"healthcare": "You will work on healthcare products with clinical partners.",
          "finance": "You will work in financial services, close to regulated data.",
          "entertainment": "You will work in entertainment, on products millions of viewers use.",
          "marketing": "You will work alongside our marketing team.",
          "education": "The material is for education: school and college students.",
          "legal": "You will work on legal documents with practising lawyers."}


def salary_text(s):
    if not s:
        return None
    lo, hi, cur, unit = s
    sym = {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$"}[cur]
    if unit == "hour":
        return f"{sym}{lo}–{sym}{hi} per hour"
    return f"{sym}{lo:,}–{sym}{hi:,} per year"


def sections(p, bullet="•"):
    """Title-less body: intro, duties, requirements, nice-to-haves, domain and workplace lines."""
    (pid, fmt, date, role, title, company, loc, work, sal, edu, years, intro, req, nice, domain) = p
    start = int(pid[1:]) % len(DUTIES[role])
    duties = [DUTIES[role][(start + k) % len(DUTIES[role])] for k in range(min(3, len(DUTIES[role])))]
    reqs = [PHRASES[k] for k in req]
    if years:
        reqs.insert(0, f"{years}+ years of relevant experience" if years > 1 else "At least one year of relevant experience")
    if DEGREES[edu]:
        reqs.append(FIELD_DEGREES.get((role, edu), DEGREES[edu]))
    out = {"intro": intro, "duties": duties, "requirements": reqs, "nice": [PHRASES[k] for k in nice],
           "closing": " ".join(x for x in [DOMAIN.get(domain), WORKPLACE[work]] if x)}
    return out


def text_body(p, bullet="• "):
    s = sections(p)
    parts = [s["intro"], "What you will do:\n" + "\n".join(bullet + d for d in s["duties"]),
             "Requirements:\n" + "\n".join(bullet + r for r in s["requirements"])]
    if s["nice"]:
        parts.append("Nice to have:\n" + "\n".join(bullet + n for n in s["nice"]))
    parts.append(s["closing"])
    return "\n\n".join(parts)


def html_body(p):
    s = sections(p)
    e = html.escape
    out = f"<p>{e(s['intro'])}</p><h3>What you will do</h3><ul>" + "".join(f"<li>{e(d)}</li>" for d in s["duties"]) + "</ul>"
    out += "<h3>Requirements</h3><ul>" + "".join(f"<li>{e(r)}</li>" for r in s["requirements"]) + "</ul>"
    if s["nice"]:
        out += "<h3>Nice to have</h3><ul>" + "".join(f"<li>{e(n)}</li>" for n in s["nice"]) + "</ul>"
    return out + f"<p>{e(s['closing'])}</p>"


def jsonld(p):
    (pid, fmt, date, role, title, company, loc, work, sal, edu, years, *_rest) = p
    city, _, region = loc.partition(", ")
    obj = {"@context": "https://schema.org/", "@type": "JobPosting", "title": title, "description": html_body(p),
           "hiringOrganization": {"@type": "Organization", "name": company},
           "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": city,
                                                           "addressRegion": region}},
           "employmentType": "CONTRACTOR" if sal and sal[3] == "hour" and role == "trainer" else "FULL_TIME"}
    if date:
        obj["datePosted"] = date
    if work == "remote":
        obj["jobLocationType"] = "TELECOMMUTE"
    if sal:
        obj["baseSalary"] = {"@type": "MonetaryAmount", "currency": sal[2],
                             "value": {"@type": "QuantitativeValue", "minValue": sal[0], "maxValue": sal[1],
                                       "unitText": sal[3].upper()}}
    return obj


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} at {company} | {board}</title>
{head}
</head>
<body>
<nav class="site-nav"><a href="/">{board}</a> · <a href="/jobs">All jobs</a> · <a href="/employers">For employers</a></nav>
<main>
{main}
</main>
<footer><p>{board} lists jobs from employers who pay us to. Report a problem with this listing.</p></footer>
</body>
</html>
"""


def html_page(p, style):
    (pid, fmt, date, role, title, company, loc, work, sal, *_rest) = p
    board = ["Careerline", "Opening Board", "HireHarbor"][int(pid[1:]) % 3]
    e = html.escape
    visible = (f"<article><h1>{e(title)}</h1><p class=\"meta\">{e(company)} · {e(loc)}"
               + (f" · {e(salary_text(sal))}" if sal else "") + "</p>" + html_body(p)
               + "<p><a class=\"apply\" href=\"#apply\">Apply now</a></p></article>")
    if style == "graph":
        graph = {"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "@id": "#site", "name": board},
            {"@type": "Organization", "@id": "#org", "name": company},
            {"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Jobs"},
                {"@type": "ListItem", "position": 2, "name": title}]},
            {k: v for k, v in jsonld(p).items() if k != "@context"}]}
        head = '<script type="application/ld+json">\n' + json.dumps(graph, indent=2, ensure_ascii=False) + "\n</script>"
        return PAGE.format(title=e(title), company=e(company), board=board, head=head, main=visible)
    if style == "microdata":
        s = sections(p)
        body = (f'<article itemscope itemtype="https://schema.org/JobPosting">'
                f'<h1 itemprop="title">{e(title)}</h1>'
                f'<p class="meta"><span itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">'
                f'<span itemprop="name">{e(company)}</span></span> · '
                f'<span itemprop="jobLocation" itemscope itemtype="https://schema.org/Place"><span itemprop="address">{e(loc)}</span></span>'
                + (f' · <time itemprop="datePosted" datetime="{date}">Posted {date}</time>' if date else "")
                + (f' · <span itemprop="baseSalary">{e(salary_text(sal))}</span>' if sal else "")
                + f'</p><div itemprop="description">{html_body(p)}</div></article>')
        return PAGE.format(title=e(title), company=e(company), board=board, head="", main=body)
    head = '<script type="application/ld+json">\n' + json.dumps(jsonld(p), indent=2, ensure_ascii=False) + "\n</script>"
    return PAGE.format(title=e(title), company=e(company), board=board, head=head, main=visible)


def slug(text):
    out = "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")
    while "--" in out:
        out = out.replace("--", "-")
    return out


def main():
    os.makedirs(os.path.join(OUT, "pages"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "text"), exist_ok=True)
    csv_rows, jsonl_rows = [], []
    html_count = 0
    for p in P:
        (pid, fmt, date, role, title, company, loc, work, sal, *_rest) = p
        if fmt == "csv":
            csv_rows.append({"job_id": pid, "title": title, "company": company, "location": loc,
                             "date_posted": date or "", "salary": salary_text(sal) or "",
                             "employment_type": "Contract" if role == "trainer" else "Full-time",
                             "description": text_body(p)})
        elif fmt == "jsonl":
            jsonl_rows.append({"id": pid, "title": title, "company_name": company, "location": loc,
                               "posted": date, "salary": salary_text(sal),
                               "remote": work == "remote", "description": text_body(p)})
        elif fmt == "html":
            style = {"p20": "graph", "p31": "microdata"}.get(pid, "jsonld")
            html_count += 1
            name = f"{pid}-{slug(company)}-{slug(title)}.html"
            with open(os.path.join(OUT, "pages", name), "w", encoding="utf-8") as f:
                f.write(html_page(p, style))
        else:
            lines = [f"# {title}\n" if fmt == "md" else title + "\n"]
            label = (lambda k: f"**{k}:**") if fmt == "md" else (lambda k: f"{k}:")
            lines.append(f"{label('Company')} {company}")
            lines.append(f"{label('Location')} {loc}")
            if date:
                lines.append(f"{label('Posted')} {date}")
            if sal:
                lines.append(f"{label('Salary')} {salary_text(sal)}")
            body = text_body(p, bullet="- " if fmt == "md" else "• ")
            if fmt == "md":
                body = body.replace("What you will do:", "## What you will do").replace(
                    "Requirements:", "## Requirements").replace("Nice to have:", "## Nice to have")
            name = f"{pid}-{slug(title)}.{fmt}"
            with open(os.path.join(OUT, "text", name), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n\n" + body + "\n")
    with open(os.path.join(OUT, "job-board-export.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(csv_rows[0].keys()))
        w.writeheader()
        w.writerows(csv_rows)
    with open(os.path.join(OUT, "partner-feed.jsonl"), "w", encoding="utf-8") as f:
        for row in jsonl_rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(P)} postings: {len(csv_rows)} csv, {len(jsonl_rows)} jsonl, {html_count} html, "
          f"{len(P) - len(csv_rows) - len(jsonl_rows) - html_count} text")


if __name__ == "__main__":
    main()
