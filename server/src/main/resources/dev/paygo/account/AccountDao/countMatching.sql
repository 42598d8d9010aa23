SELECT count(*) FROM accounts WHERE lower(name) LIKE :pattern ESCAPE '!' OR id LIKE :pattern ESCAPE '!'
