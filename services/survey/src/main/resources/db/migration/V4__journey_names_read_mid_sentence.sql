-- Journey names are piped into the middle of a question ("How likely are you to recommend us to a friend after
-- {journey}?"), as the neutral fallback "this service" is. The seeded English names were titles ("Wealth product
-- purchase"); they become phrases that read in a sentence. A name an administrator has changed since is left alone.
UPDATE display_name AS d SET name = n.phrase, updated_at = now()
  FROM (VALUES ('ACCOUNT_OPENING', 'Account opening', 'your account opening'),
               ('CARD_ACTIVATION', 'Credit card activation', 'activating your credit card'),
               ('WEALTH_PURCHASE', 'Wealth product purchase', 'your wealth product purchase'),
               ('LOAN_APPLICATION', 'Personal loan application', 'your personal loan application'),
               ('TRANSFER', 'Transfer and remittance', 'your transfer'),
               ('COMPLAINT', 'Complaint handling', 'the handling of your complaint'),
               ('REFERRAL', 'Refer a friend', 'referring a friend')) AS n (code, seeded, phrase)
 WHERE d.kind = 'JOURNEY' AND d.code = n.code AND d.locale = 'en' AND d.name = n.seeded;
