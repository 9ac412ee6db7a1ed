-- Issue 17 (security), part A: forced password change, sessions ended with their account, atomic login throttle.

-- An account whose password an administrator set (new account, reset) changes it at its first login.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
-- Raised when the account is disabled or its password changes: every session opened before ends at its next request.
ALTER TABLE app_user ADD COLUMN session_epoch integer NOT NULL DEFAULT 0;

-- Login attempts per account ('user:NAME') and per client address ('addr:IP'). Every attempt is counted before
-- its password is checked, in one statement that also refuses it while the key waits (LoginThrottle); a success
-- takes its own attempt back. Not audited (no personal data, one row per key).
CREATE TABLE login_throttle (
    key            text        PRIMARY KEY CHECK (length(key) <= 200),
    failures       integer     NOT NULL CHECK (failures >= 0),
    blocked_until  timestamptz,
    last_attempt   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_throttle_last_attempt_idx ON login_throttle (last_attempt);

INSERT INTO parameter (key, value, value_type, min_value, max_value, legal_source, confidence, description_vi, description_en) VALUES
('security.password.min_length', '12', 'integer', '8', '64',
 'NIST SP 800-63B (độ dài tối thiểu, danh sách mật khẩu phổ biến); Thông tư 12/2022/TT-BTTTT không quy định độ dài cụ thể', '?',
 'Số ký tự tối thiểu của mật khẩu (ngoài ra: không nằm trong danh sách mật khẩu phổ biến, không trùng tên đăng nhập).',
 'Minimum number of characters of a password (also: not in the list of common passwords, not the user name).');
