-- drizzle-kit does not write CREATE EXTENSION; pg_trgm backs the contains-search indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
