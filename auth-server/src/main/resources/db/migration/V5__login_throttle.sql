-- Failed sign-ins counted per normalized email ('email:...') and per client address
-- ('address:...') in a window; locked_until is set when a key reaches its limit. Kept in the
-- database so that every instance sees the same counts.
CREATE TABLE login_throttle (
    throttle_key VARCHAR(300) NOT NULL,
    failures     INT          NOT NULL,
    window_start DATETIME(6)  NOT NULL,
    locked_until DATETIME(6)  NULL,
    CONSTRAINT pk_login_throttle PRIMARY KEY (throttle_key)
);
CREATE INDEX ix_login_throttle_window ON login_throttle (window_start);
