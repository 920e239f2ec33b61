#!/usr/bin/env python3
"""Writes COUNT made-up "Who is hiring?" comments as JSON lines in the Algolia API's shape (comment_text HTML,
author, created_at, objectID, story_title), for scripts/bench-ingest.sh: every text is assembled from the
word lists below (written for this script), so no real post is copied.

usage: scripts/make-hn-posts.py OUT.jsonl COUNT
"""
import json, random, sys
random.seed(7)
out, count = sys.argv[1], int(sys.argv[2])
companies = ["Lumen Labs", "Quill AI", "Northwind Robotics", "Tidewater Health", "Orchid Data", "Saltmarsh", "Bluefin", "Kestrel Systems"]
roles = ["Senior ML Engineer", "Data Scientist", "Backend Engineer", "Founding Engineer", "Applied Researcher, LLMs", "Product Designer", "SRE / DevOps"]
places = ["Remote (US)", "San Francisco, CA", "London or Remote", "Berlin | Hybrid", "NYC (onsite)", "Remote (EU)"]
extras = ["$150k-$200k + equity", "Full-time", "Visa sponsorship", "Contract", "120-160k"]
words = ("we build tools that help teams ship models faster and we care about careful evaluation of language models "
         "our stack is python rust postgres and kubernetes you will own services end to end talk to customers and "
         "mentor others the team is small and the problems are hard email us with a note about something you built").split()
with open(out, "w") as f:
    for i in range(count):
        head = " | ".join([random.choice(companies), random.choice(roles), random.choice(places)] + random.sample(extras, 2))
        paras = []
        for _ in range(random.randint(3, 7)):
            paras.append(" ".join(random.choice(words) for _ in range(random.randint(25, 60))).capitalize() + ".")
        html = head + "<p>" + "<p>".join(p.replace("&", "&amp;") for p in paras) + "<p>Apply: <a href=\"https://example.com/jobs/%d\" rel=\"nofollow\">https://example.com/jobs/%d</a>" % (i, i)
        f.write(json.dumps({"author": "user%d" % i, "comment_text": html, "created_at": "2024-%02d-%02dT12:00:00Z" % (i % 12 + 1, i % 28 + 1),
                            "objectID": str(40000000 + i), "story_title": "Ask HN: Who is hiring? (2024)"}) + "\n")
