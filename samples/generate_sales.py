#!/usr/bin/env python3
"""Generates the sales sample (CSV files and a PostgreSQL script) with the planted defects of samples/README.md.

Deterministic: the same seed always writes the same files. Run from anywhere: python3 samples/generate_sales.py
"""
import csv
import datetime
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20240601)

REGIONS = [
    ("US-NE", "Northeast", "US", "Dana Whitfield"),
    ("US-SE", "Southeast", "US", "Marcus Bell"),
    ("US-MW", "Midwest", "US", "Priya Natarajan"),
    ("US-SW", "Southwest", "US", "Luis Ortega"),
    ("US-W", "West", "US", "Hannah Cho"),
    ("CA-E", "Eastern Canada", "CA", "Olivier Gagnon"),
    ("CA-W", "Western Canada", "CA", "Megan Tremblay"),
    ("EU-C", "Central Europe", "DE", "Jonas Keller"),
]
POSTAL = {
    "US-NE": ["02134", "10001", "19103", "06103"], "US-SE": ["30303", "33101", "28202", "37203"],
    "US-MW": ["60601", "48201", "55401", "43215"], "US-SW": ["85001", "73301", "87101", "75201"],
    "US-W": ["94105", "98101", "97201", "90012"], "CA-E": ["M5V 2T6", "H3B 4W8", "K1P 5J9", "B3H 1A1"],
    "CA-W": ["V6B 1A1", "T2P 2M5", "T5J 0N3", "R3C 4T3"], "EU-C": ["10115", "80331", "50667", "60311"],
}
FIRST = ["Acme", "Blue", "Summit", "Pioneer", "Harbor", "Granite", "Cedar", "Northwind", "Silver", "Beacon",
         "Evergreen", "Atlas", "Crescent", "Falcon", "Juniper", "Keystone", "Liberty", "Meridian", "Orchard", "Prairie"]
SECOND = ["Foods", "Logistics", "Outfitters", "Health", "Systems", "Supply", "Retail", "Labs", "Goods", "Markets"]
SUFFIX = ["Inc", "LLC", "Co", "Group", "Ltd"]
SEGMENTS = ["Enterprise", "SMB", "SMB", "Consumer", "Consumer", "Consumer"]
CATEGORIES = {
    "Beverages": ["Cold Brew Coffee 12-pack", "Sparkling Water Case", "Green Tea Tin", "Orange Juice 1L",
                  "Energy Drink 24-pack", "Oat Milk Carton", "Espresso Beans 1kg"],
    "Snacks": ["Trail Mix 500g", "Sea Salt Crackers", "Dark Chocolate Bar", "Granola Bites", "Pretzel Sticks",
               "Rice Cakes", "Dried Mango"],
    "Household": ["Dish Soap 1L", "Paper Towels 6-roll", "Laundry Pods 40ct", "Trash Bags 50ct", "Glass Cleaner",
                  "Sponge 10-pack", "Hand Soap Refill"],
    "Office": ["Copy Paper Ream", "Gel Pens 12-pack", "Sticky Notes", "Stapler", "Desk Organizer", "Whiteboard Markers",
               "Label Maker"],
    "Personal Care": ["Shampoo 500ml", "Toothpaste Twin", "Body Lotion", "Sunscreen SPF50", "Razor Kit", "Lip Balm 3ct"],
    "Pet": ["Dog Food 5kg", "Cat Litter 10kg", "Chew Toys Set", "Bird Seed 2kg", "Pet Shampoo", "Cat Treats"],
}
CHANNELS = ["online", "online", "retail", "partner"]

# planted defects (documented with their counts in README.md)
NULL_EMAIL_CUSTOMERS = [12, 37, 58, 91, 123, 164, 188]          # 7 customers without an e-mail
DUPLICATE_CODE = {150: 149, 180: 179}                           # 2 customers reuse another customer's code
ORPHAN_SALES = {101: 901, 202: 901, 303: 902, 404: 902, 505: 903}  # 5 sales of 3 missing customers
DUPLICATED_CSV_ROWS = [17, 42]                                   # customers.csv repeats these 2 rows
JUNK_QUANTITY = {77: "two", 154: "3 units", 231: "?", 308: "1O"}  # sales.csv: 4 quantities that are not integers


def customers():
    rows = []
    for cid in range(1, 201):
        region = REGIONS[(cid * 7) % len(REGIONS)][0]
        name = f"{rng.choice(FIRST)} {rng.choice(SECOND)} {rng.choice(SUFFIX)}"
        slug = name.split()[0].lower() + name.split()[1].lower()
        email = None if cid in NULL_EMAIL_CUSTOMERS else f"orders{cid}@{slug}.example.com"
        phone = f"+1 {rng.randint(200, 989)}-{rng.randint(200, 999)}-{rng.randint(1000, 9999)}" \
            if region.startswith(("US", "CA")) else f"+49 {rng.randint(30, 89)} {rng.randint(1000000, 9999999)}"
        code = f"C-{DUPLICATE_CODE.get(cid, cid):05d}"
        signup = datetime.date(2021, 1, 1) + datetime.timedelta(days=rng.randint(0, 1000))
        rows.append([cid, code, name, email, phone, region, rng.choice(POSTAL[region]), rng.choice(SEGMENTS),
                     signup.isoformat()])
    return rows


def products():
    rows = []
    pid = 1
    for category, names in CATEGORIES.items():
        for name in names:
            if pid > 40:
                break
            price = round(rng.uniform(1.5, 60.0), 2)
            rows.append([pid, f"SKU-{1000 + pid}", name, category, f"{price:.2f}", "false" if pid % 13 == 0 else "true"])
            pid += 1
    return rows


def sales(product_rows):
    prices = {p[0]: float(p[4]) for p in product_rows}
    rows = []
    for sid in range(1, 601):
        customer = ORPHAN_SALES.get(sid, rng.randint(1, 200))
        product = rng.randint(1, len(product_rows))
        day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 365))
        qty = rng.randint(1, 20)
        price = prices[product]
        discount = rng.choice([0, 0, 0, 0.05, 0.10])
        amount = round(qty * price * (1 - discount), 2)
        rows.append([sid, customer, product, day.isoformat(), qty, f"{price:.2f}", f"{amount:.2f}", rng.choice(CHANNELS)])
    return rows


def write_csv(name, header, rows):
    with open(os.path.join(HERE, "sales", name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])


def sql_value(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    return "'" + str(v).replace("'", "''") + "'"


def main():
    region_rows = [list(r) for r in REGIONS]
    customer_rows = customers()
    product_rows = products()
    sale_rows = sales(product_rows)

    write_csv("regions.csv", ["region_code", "name", "country", "manager"], region_rows)
    csv_customers = customer_rows + [customer_rows[i - 1] for i in DUPLICATED_CSV_ROWS]
    write_csv("customers.csv", ["customer_id", "customer_code", "name", "email", "phone", "region_code",
                                "postal_code", "segment", "signup_date"], csv_customers)
    write_csv("products.csv", ["product_id", "sku", "name", "category", "unit_price", "active"], product_rows)
    csv_sales = [r[:4] + [JUNK_QUANTITY.get(r[0], r[4])] + r[5:] for r in sale_rows]
    write_csv("sales.csv", ["sale_id", "customer_id", "product_id", "sale_date", "quantity", "unit_price", "amount",
                            "channel"], csv_sales)

    with open(os.path.join(HERE, "sales-postgres.sql"), "w", encoding="utf-8") as f:
        f.write("""-- Open Forge sales sample for PostgreSQL 15+ (generated by samples/generate_sales.py; defects in README.md).
-- Load with: psql -d <database> -f samples/sales-postgres.sql
drop schema if exists sales cascade;
create schema sales;

create table sales.regions (
  region_code varchar(8)   primary key,
  name        varchar(60)  not null,
  country     char(2)      not null,
  manager     varchar(80)
);

create table sales.customers (
  customer_id   integer      primary key,
  customer_code varchar(12)  not null,
  name          varchar(120) not null,
  email         varchar(200),
  phone         varchar(40),
  region_code   varchar(8)   not null references sales.regions (region_code),
  postal_code   varchar(10),
  segment       varchar(20)  not null,
  signup_date   date         not null
);

create table sales.products (
  product_id integer       primary key,
  sku        varchar(20)   not null unique,
  name       varchar(120)  not null,
  category   varchar(40)   not null,
  unit_price numeric(10,2) not null,
  active     boolean       not null
);

create table sales.sales (
  sale_id     integer       primary key,
  customer_id integer       not null,
  product_id  integer       not null references sales.products (product_id),
  sale_date   date          not null,
  quantity    integer       not null,
  unit_price  numeric(10,2) not null,
  amount      numeric(12,2) not null,
  channel     varchar(20)   not null
);
""")
        def inserts(table, columns, rows):
            f.write(f"\ninsert into sales.{table} ({', '.join(columns)}) values\n")
            f.write(",\n".join("  (" + ", ".join(sql_value(v) for v in r) + ")" for r in rows))
            f.write(";\n")
        inserts("regions", ["region_code", "name", "country", "manager"], region_rows)
        inserts("customers", ["customer_id", "customer_code", "name", "email", "phone", "region_code", "postal_code",
                              "segment", "signup_date"], customer_rows)
        inserts("products", ["product_id", "sku", "name", "category", "unit_price", "active"],
                [r[:4] + [float(r[4]), r[5] == "true"] for r in product_rows])
        inserts("sales", ["sale_id", "customer_id", "product_id", "sale_date", "quantity", "unit_price", "amount",
                          "channel"], [r[:5] + [float(r[5]), float(r[6]), r[7]] for r in sale_rows])
        f.write("""
-- declared after loading and NOT VALID: the existing orphan sales (see README.md) stay in place and the catalog
-- must find them; new rows are checked
alter table sales.sales add constraint fk_sales_customer
  foreign key (customer_id) references sales.customers (customer_id) not valid;
""")


if __name__ == "__main__":
    main()
