-- The aggregate of ReactiveTransactionTest: how many messages were applied to it.
CREATE TABLE test_tally (
    id      varchar(64) PRIMARY KEY,
    applied integer     NOT NULL
);
