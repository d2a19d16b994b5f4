#!/usr/bin/env python3
"""Builds Lineage's bundled organization registry.

Inputs (read-only):
  ../shared/hubdata/atom/organization_regions.csv   ATOM Project, Apache-2.0: hf_org -> region (us|china|eu|other|unknown)
  ../shared/hubdata/epoch/all_ai_models.csv,        Epoch AI, "Data on AI Models", epoch.ai/data/ai-models, CC-BY 4.0:
  ../shared/hubdata/epoch/notable_ai_models.csv       organization name -> country, categorization
  Sources/LineageCatalog/Resources/organization-aliases.csv   ours: Epoch organization name -> Hub namespace
  Sources/LineageCatalog/Resources/countries.csv              ours: the country vocabulary (codes, the EU's members)
  scripts/registry/curated.csv                            ours: hand-curated rows with an evidence note each

Outputs:
  Sources/LineageCatalog/Resources/organizations.csv           namespace,name,country,kind,source,evidence
  Sources/LineageCatalog/Resources/organization-conflicts.csv  where sources disagree, and what the registry chose

Rules: ATOM regions us/china give US/CN; eu/other/unknown give no country (a region is not a country).
Epoch rows naming one organization give that organization's country when all its rows agree (Multinational
is ignored) and its kind (Industry -> company, Academia -> academic, Research collective -> nonprofit,
Government -> government). Curated rows win; without one, ATOM wins over Epoch for the country (it is
keyed by namespace), and every disagreement is written to the conflicts file. Nothing is inferred from
region: tags or from a name's language.

Usage: python3 scripts/build-registry.py [--hubdata ../shared/hubdata]
"""
import argparse
import csv
import os
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESOURCES = os.path.join(ROOT, "Sources", "LineageCatalog", "Resources")

ATOM_REGION = {"us": "US", "china": "CN"}


def read_countries():
    """Lineage's one country vocabulary (countries.csv): country codes, and group code -> member codes."""
    with open(os.path.join(RESOURCES, "countries.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {r["code"] for r in rows if not r["members"]}, {r["code"]: set(r["members"].split()) for r in rows if r["members"]}


COUNTRIES, GROUPS = read_countries()
EU = GROUPS["EU"]
EPOCH_COUNTRY = {
    "United States of America": "US", "China": "CN", "United Kingdom of Great Britain and Northern Ireland": "GB",
    "Canada": "CA", "Germany": "DE", "Japan": "JP", "Korea (Republic of)": "KR", "France": "FR", "Switzerland": "CH",
    "Israel": "IL", "Hong Kong": "HK", "Taiwan": "TW", "Russia": "RU", "Singapore": "SG", "Saudi Arabia": "SA",
    "India": "IN", "Italy": "IT", "United Arab Emirates": "AE", "Netherlands": "NL", "Spain": "ES", "Sweden": "SE",
    "Finland": "FI", "Poland": "PL", "Australia": "AU", "Austria": "AT", "Belgium": "BE", "Denmark": "DK",
    "Norway": "NO", "Ireland": "IE", "Czechia": "CZ", "Brazil": "BR", "Turkey": "TR", "Vietnam": "VN",
    "Portugal": "PT", "Greece": "GR", "Hungary": "HU", "Iran": "IR", "Qatar": "QA", "Indonesia": "ID",
    "Thailand": "TH", "Malaysia": "MY", "Egypt": "EG", "Ukraine": "UA", "Chile": "CL", "Mexico": "MX",
    "Argentina": "AR", "New Zealand": "NZ", "Estonia": "EE", "Luxembourg": "LU", "Romania": "RO", "Slovenia": "SI",
}
EPOCH_KIND = {"Industry": "company", "Academia": "academic", "Research collective": "nonprofit", "Government": "government"}
assert set(EPOCH_COUNTRY.values()) <= COUNTRIES, "EPOCH_COUNTRY maps to a code missing from countries.csv"
KINDS = {"big-tech", "startup", "company", "academic", "nonprofit", "government", "community", "organization", "individual"}


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def epoch_organizations(hubdata):
    """Organization name -> {countries: set, kinds: set, models: int, unmapped: set} from single-organization rows."""
    orgs = defaultdict(lambda: {"countries": set(), "kinds": set(), "models": 0, "unmapped": set()})
    for name, column in [("all_ai_models.csv", "Country (from Organization)"), ("notable_ai_models.csv", "Country (of organization)")]:
        for row in read_csv(os.path.join(hubdata, "epoch", name)):
            org = row["Organization"].strip()
            if not org or "," in org:
                continue  # several organizations: their countries cannot be told apart
            entry = orgs[org]
            entry["models"] += 1
            for country in row[column].split(","):
                country = country.strip()
                if not country or country == "Multinational":
                    continue
                if country in EPOCH_COUNTRY:
                    entry["countries"].add(EPOCH_COUNTRY[country])
                else:
                    entry["unmapped"].add(country)
            for category in row["Organization categorization"].split(","):
                category = category.strip()
                if category in EPOCH_KIND:
                    entry["kinds"].add(EPOCH_KIND[category])
    return orgs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hubdata", default=os.path.join(ROOT, "..", "shared", "hubdata"))
    args = parser.parse_args()

    atom = {}
    for row in read_csv(os.path.join(args.hubdata, "atom", "organization_regions.csv")):
        atom[row["hf_org"].strip()] = (row["region"].strip(), row["notes"].strip())
    epoch = epoch_organizations(args.hubdata)
    aliases = read_csv(os.path.join(RESOURCES, "organization-aliases.csv"))
    curated = read_csv(os.path.join(ROOT, "scripts", "registry", "curated.csv"))

    problems = []
    namespaces = {}  # lower -> display

    def note(ns):
        namespaces.setdefault(ns.lower(), ns)

    for ns in atom:
        note(ns)
    epoch_of = defaultdict(list)  # ns lower -> [epoch org]
    for alias in aliases:
        org, ns = alias["epoch_organization"].strip(), alias["namespace"].strip()
        if org not in epoch:
            problems.append(f"alias table: Epoch has no single-organization row named {org!r}")
            continue
        epoch_of[ns.lower()].append(org)
        note(ns)
    cur = {}
    for row in curated:
        ns = row["namespace"].strip()
        if ns.lower() in cur:
            problems.append(f"curated.csv: {ns} twice")
        if row["kind"] and row["kind"] not in KINDS:
            problems.append(f"curated.csv: {ns}: unknown kind {row['kind']}")
        if not row["evidence"].strip():
            problems.append(f"curated.csv: {ns}: no evidence")
        cur[ns.lower()] = row
        note(ns)
    if problems:
        sys.exit("\n".join(problems))

    rows, conflicts = [], []
    for key in sorted(namespaces, key=lambda k: (k, namespaces[k])):
        ns = namespaces[key]
        atom_ns = next((n for n in atom if n.lower() == key), None)
        region, atom_note = atom.get(atom_ns, ("", "")) if atom_ns else ("", "")
        atom_country = ATOM_REGION.get(region)
        epoch_countries, epoch_kinds, epoch_bits = set(), set(), []
        for org in epoch_of.get(key, []):
            e = epoch[org]
            epoch_countries |= e["countries"]
            epoch_kinds |= e["kinds"]
            epoch_bits.append(f"Epoch '{org}': {'/'.join(sorted(e['countries'])) or 'no country'}, "
                              f"{'/'.join(sorted(e['kinds'])) or 'no category'} ({e['models']} models)")
        epoch_country = next(iter(epoch_countries)) if len(epoch_countries) == 1 else None
        epoch_kind = next(iter(epoch_kinds)) if len(epoch_kinds) == 1 else None
        c = cur.get(key)
        cur_country = (c["country"].strip() or None) if c else None
        cur_kind = (c["kind"].strip() or None) if c else None
        name = (c["name"].strip() if c else "") or (epoch_of[key][0] if epoch_of.get(key) else "")

        # Country: curated, else ATOM, else Epoch.
        if cur_country:
            country, country_from = cur_country, "curated"
        elif atom_country:
            country, country_from = atom_country, "atom"
        elif epoch_country:
            country, country_from = epoch_country, "epoch"
        else:
            country, country_from = None, None
        backing = []
        if country:
            if cur_country:
                backing.append("curated")
            if atom_country == country:
                backing.append("atom")
            if epoch_country == country:
                backing.append("epoch")
        kind = cur_kind or epoch_kind
        kind_from = "curated" if cur_kind else ("epoch" if epoch_kind else None)

        def conflict(field, chosen, chosen_src, other, other_src, why):
            conflicts.append([ns, field, chosen or "", chosen_src, other or "", other_src, why])

        if atom_country and country and atom_country != country:
            conflict("country", country, country_from, atom_country, "atom", "curated from the organization's own statements")
        if region == "eu" and country and country not in EU:
            conflict("country", country, country_from, "eu", "atom", "ATOM's region eu does not hold this country")
        if region == "unknown" and country:
            conflict("country", country, country_from, "unknown", "atom", "ATOM gives no primary base" + (f" ({atom_note})" if atom_note else ""))
        if region == "other" and country in ("US", "CN"):
            conflict("country", country, country_from, "other", "atom", "ATOM says neither us nor china")
        if epoch_country and country and epoch_country != country:
            conflict("country", country, country_from, epoch_country, "epoch", "namespace-keyed or curated source preferred")
        if len(epoch_countries) > 1:
            conflict("country", country, country_from or "none", "/".join(sorted(epoch_countries)), "epoch",
                     "Epoch lists several countries for the organization")
        if len(epoch_kinds) > 1:
            conflict("kind", kind, kind_from or "none", "/".join(sorted(epoch_kinds)), "epoch",
                     "Epoch lists several categories for the organization")
        if epoch_kind and kind and epoch_kind != kind and not (epoch_kind == "company" and kind in ("big-tech", "startup")):
            conflict("kind", kind, kind_from, epoch_kind, "epoch", "curated")

        evidence = []
        if c:
            evidence.append(c["evidence"].strip())
        if atom_ns:
            evidence.append(f"ATOM region {region}" + (f" ({atom_note})" if atom_note else ""))
        evidence += epoch_bits
        sources = []
        if country:
            sources.append("country:" + "+".join(backing))
        if kind:
            sources.append("kind:" + kind_from)
        source = "; ".join(sources) or ("atom" if atom_ns else "epoch" if epoch_bits else "curated")
        rows.append([ns, name, country or "", kind or "", source, "; ".join(evidence)])

    with open(os.path.join(RESOURCES, "organizations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["namespace", "name", "country", "kind", "source", "evidence"])
        w.writerows(rows)
    with open(os.path.join(RESOURCES, "organization-conflicts.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["namespace", "field", "chosen", "chosen_source", "other", "other_source", "note"])
        w.writerows(conflicts)
    with_country = sum(1 for r in rows if r[2])
    with_both = sum(1 for r in rows if r[2] and r[3])
    print(f"{len(rows)} namespaces ({with_country} with a country, {with_both} with country and kind), {len(conflicts)} conflicts")


if __name__ == "__main__":
    main()
