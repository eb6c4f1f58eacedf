-- A retail schema for the design agents' tests: 15 tables in schema shop — 14 entity tables, one junction table
-- (product_categories), three tables with a composite primary key (inventory, order_lines, shipment_lines), a composite
-- foreign key (shipment_lines → order_lines), a self-reference (categories.parent_id), a table without any declared
-- key (currencies) and 18 foreign keys. Clean, deterministic data.
create schema shop;

create table shop.countries (
  code char(2) primary key,
  name varchar(60) not null
);

create table shop.currencies (
  currency_code varchar(3) not null,
  name varchar(40) not null
);

create table shop.regions (
  region_id integer primary key,
  name varchar(60) not null unique,
  country_code char(2) not null references shop.countries (code)
);

create table shop.customers (
  customer_id integer primary key,
  email varchar(120) not null,
  full_name varchar(120),
  segment varchar(20) not null,
  region_id integer not null references shop.regions (region_id),
  signup_date date not null
);

create table shop.suppliers (
  supplier_id integer primary key,
  name varchar(80) not null,
  country_code char(2) references shop.countries (code)
);

create table shop.categories (
  category_id integer primary key,
  name varchar(60) not null unique,
  parent_id integer references shop.categories (category_id)
);

create table shop.products (
  product_id integer primary key,
  sku varchar(20) not null unique,
  name varchar(80) not null,
  supplier_id integer not null references shop.suppliers (supplier_id),
  unit_price numeric(10,2) not null,
  status varchar(20) not null
);

create table shop.product_categories (
  product_id integer not null references shop.products (product_id),
  category_id integer not null references shop.categories (category_id),
  created_at timestamptz not null default '2024-01-01 00:00:00+00',
  primary key (product_id, category_id)
);

create table shop.warehouses (
  warehouse_code varchar(10) primary key,
  city varchar(60) not null,
  country_code char(2) not null references shop.countries (code)
);

create table shop.inventory (
  warehouse_code varchar(10) not null references shop.warehouses (warehouse_code),
  product_id integer not null references shop.products (product_id),
  quantity integer not null,
  primary key (warehouse_code, product_id)
);

create table shop.orders (
  order_id integer primary key,
  customer_id integer not null references shop.customers (customer_id),
  order_date date not null,
  status varchar(20) not null,
  channel varchar(20) not null
);

create table shop.order_lines (
  order_id integer not null references shop.orders (order_id),
  line_no integer not null,
  product_id integer not null references shop.products (product_id),
  quantity integer not null,
  unit_price numeric(10,2) not null,
  primary key (order_id, line_no)
);

create table shop.payments (
  payment_id integer primary key,
  order_id integer not null references shop.orders (order_id),
  amount numeric(12,2) not null,
  method varchar(20) not null,
  paid_at timestamptz not null
);

create table shop.shipments (
  shipment_id integer primary key,
  order_id integer not null references shop.orders (order_id),
  warehouse_code varchar(10) not null references shop.warehouses (warehouse_code),
  shipped_at timestamptz
);

create table shop.shipment_lines (
  shipment_id integer not null references shop.shipments (shipment_id),
  order_id integer not null,
  line_no integer not null,
  quantity integer not null,
  primary key (shipment_id, order_id, line_no),
  foreign key (order_id, line_no) references shop.order_lines (order_id, line_no)
);

insert into shop.countries values ('US', 'United States'), ('CA', 'Canada'), ('DE', 'Germany'), ('FR', 'France');
insert into shop.currencies values ('USD', 'US dollar'), ('CAD', 'Canadian dollar'), ('EUR', 'Euro');
insert into shop.regions
  select g, 'Region ' || g, (array['US', 'CA', 'DE', 'FR'])[1 + g % 4] from generate_series(1, 8) g;
insert into shop.customers
  select g, 'customer' || g || '@example.com', 'Customer ' || g, (array['retail', 'wholesale', 'online'])[1 + g % 3],
    1 + g % 8, date '2022-01-01' + g
  from generate_series(1, 300) g;
insert into shop.suppliers
  select g, 'Supplier ' || g, case when g % 5 = 0 then null else (array['US', 'CA', 'DE', 'FR'])[1 + g % 4] end
  from generate_series(1, 20) g;
insert into shop.categories
  select g, 'Category ' || g, case when g <= 4 then null else 1 + g % 4 end from generate_series(1, 12) g;
insert into shop.products
  select g, 'SKU-' || (1000 + g), 'Product ' || g, 1 + g % 20, round((5 + (g * 7) % 90)::numeric + 0.99, 2),
    case when g % 9 = 0 then 'discontinued' else 'active' end
  from generate_series(1, 60) g;
insert into shop.product_categories (product_id, category_id)
  select g, 1 + g % 12 from generate_series(1, 60) g
  union all select g, 1 + (g + 5) % 12 from generate_series(1, 60, 3) g;
insert into shop.warehouses values ('WH-NY', 'New York', 'US'), ('WH-TO', 'Toronto', 'CA'),
  ('WH-BE', 'Berlin', 'DE'), ('WH-PA', 'Paris', 'FR'), ('WH-LA', 'Los Angeles', 'US');
insert into shop.inventory
  select w.warehouse_code, p.product_id, (p.product_id * 13 + length(w.city)) % 200
  from shop.warehouses w cross join shop.products p where (p.product_id + length(w.city)) % 3 <> 0;
insert into shop.orders
  select g, 1 + (g * 7) % 300, date '2024-01-01' + g % 365,
    (array['placed', 'paid', 'shipped', 'delivered', 'cancelled'])[1 + g % 5], (array['web', 'store', 'phone'])[1 + g % 3]
  from generate_series(1, 1200) g;
insert into shop.order_lines
  select o, l, 1 + (o * 3 + l) % 60, 1 + (o + l) % 9, round((5 + ((o + l) * 7) % 90)::numeric + 0.99, 2)
  from generate_series(1, 1200) o cross join generate_series(1, 3) l where l <= 1 + o % 3;
insert into shop.payments
  select g, g, round((20 + (g * 37) % 900)::numeric + 0.5, 2), (array['card', 'transfer', 'cash'])[1 + g % 3],
    timestamptz '2024-01-02 10:00:00+00' + (g || ' hours')::interval
  from generate_series(1, 1000) g;
insert into shop.shipments
  select g, g, (array['WH-NY', 'WH-TO', 'WH-BE', 'WH-PA', 'WH-LA'])[1 + g % 5],
    case when g % 10 = 0 then null else timestamptz '2024-01-03 08:00:00+00' + (g || ' hours')::interval end
  from generate_series(1, 900) g;
insert into shop.shipment_lines
  select s.shipment_id, l.order_id, l.line_no, l.quantity
  from shop.shipments s join shop.order_lines l on l.order_id = s.order_id;
