-- The decision log is purged by age (windbell.survey.decisions.retention): find the oldest rows without a full scan.
CREATE INDEX survey_decision_decided_at ON survey_decision (decided_at);
