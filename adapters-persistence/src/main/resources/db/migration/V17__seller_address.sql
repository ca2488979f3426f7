-- The seller's postal address for its invoices (issue 15, EU VAT Directive Art. 226 (5)): the tenant
-- file's optional tenant.seller.address. All four are null when the file gives no address; street,
-- postcode and city are then all set (the tenant rules refuse a partial address), region optional.
--
-- Portable SQL like V1 to V15 (PostgreSQL 15+, H2 2.x in MODE=PostgreSQL).

ALTER TABLE tenant ADD COLUMN seller_street VARCHAR;
ALTER TABLE tenant ADD COLUMN seller_postcode VARCHAR;
ALTER TABLE tenant ADD COLUMN seller_city VARCHAR;
ALTER TABLE tenant ADD COLUMN seller_region VARCHAR;
