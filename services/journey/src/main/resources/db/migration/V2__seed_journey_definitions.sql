-- One active version 1 of each journey of the bank catalog (ingest's V2__seed_bank_catalog.sql): one step per
-- touchpoint in step order, key nodes as in the catalog with the inactivity timeouts a retail bank would use (minutes
-- for app flows, hours for the suitability checks, days where the bank or a friend has to act).
-- spec is the document DefinitionRepository reads (DefinitionRepository.Spec): ISO-8601 durations, sets sorted.
INSERT INTO journey_definition (code, version, active, spec, created_by) VALUES
    ('ACCOUNT_OPENING', 1, true, '{"name": "Account opening", "nameZh": "开户", "stage": "ACQUISITION",
        "steps": [
            {"order": 1, "code": "ACCOUNT_ENTRY", "name": "Start account opening", "touchpoints": ["account.entry"], "keyNode": false},
            {"order": 2, "code": "ACCOUNT_ID_UPLOAD", "name": "ID card upload and OCR", "touchpoints": ["account.id_upload"], "keyNode": true, "inactivityTimeout": "PT30M"},
            {"order": 3, "code": "ACCOUNT_FACE_VERIFY", "name": "Face verification", "touchpoints": ["account.face_verify"], "keyNode": true, "inactivityTimeout": "PT30M"},
            {"order": 4, "code": "ACCOUNT_INFO_FORM", "name": "Personal information form", "touchpoints": ["account.info_form"], "keyNode": false},
            {"order": 5, "code": "ACCOUNT_CARD_BINDING", "name": "Bind a card from another bank", "touchpoints": ["account.card_binding"], "keyNode": true, "inactivityTimeout": "PT30M"},
            {"order": 6, "code": "ACCOUNT_PASSWORD_SET", "name": "Set transaction password", "touchpoints": ["account.password_set"], "keyNode": false},
            {"order": 7, "code": "ACCOUNT_OPENED", "name": "Account opened", "touchpoints": ["account.opened"], "keyNode": false},
            {"order": 8, "code": "ACCOUNT_BRANCH_APPOINTMENT", "name": "Branch appointment booked", "touchpoints": ["account.branch_appointment"], "keyNode": false}
        ],
        "startTouchpoints": ["account.entry"], "completionTouchpoints": ["account.opened"], "maxDuration": "P14D", "channelSwitchGrace": "PT4H", "assistedChannels": ["BRANCH", "CALL_CENTER", "RM_VISIT"]}', 'seed'),
    ('CARD_ACTIVATION', 1, true, '{"name": "Credit card activation", "nameZh": "信用卡激活", "stage": "ACTIVATION",
        "steps": [
            {"order": 1, "code": "CARD_DELIVERY_NOTICE", "name": "Card delivered", "touchpoints": ["card.delivery_notice"], "keyNode": false},
            {"order": 2, "code": "CARD_ACTIVATION_START", "name": "Start activation", "touchpoints": ["card.activation_start"], "keyNode": false},
            {"order": 3, "code": "CARD_IDENTITY_VERIFY", "name": "Identity verification", "touchpoints": ["card.identity_verify"], "keyNode": true, "inactivityTimeout": "PT30M"},
            {"order": 4, "code": "CARD_PIN_SET", "name": "Set card PIN", "touchpoints": ["card.pin_set"], "keyNode": true, "inactivityTimeout": "PT30M"},
            {"order": 5, "code": "CARD_ACTIVATED", "name": "Card activated", "touchpoints": ["card.activated"], "keyNode": false},
            {"order": 6, "code": "CARD_FIRST_TRANSACTION", "name": "First card transaction", "touchpoints": ["card.first_transaction"], "keyNode": false}
        ],
        "startTouchpoints": ["card.activation_start", "card.delivery_notice"], "completionTouchpoints": ["card.activated"], "maxDuration": "P30D", "channelSwitchGrace": "PT4H", "assistedChannels": ["BRANCH", "CALL_CENTER", "RM_VISIT"]}', 'seed'),
    ('WEALTH_PURCHASE', 1, true, '{"name": "Wealth product purchase", "nameZh": "理财购买", "stage": "UPGRADE",
        "steps": [
            {"order": 1, "code": "WEALTH_PRODUCT_BROWSE", "name": "Browse wealth products", "phase": "BEFORE_INVESTING", "touchpoints": ["wealth.product_browse"], "keyNode": false},
            {"order": 2, "code": "WEALTH_PRODUCT_DETAIL", "name": "Product detail and prospectus", "phase": "BEFORE_INVESTING", "touchpoints": ["wealth.product_detail"], "keyNode": false},
            {"order": 3, "code": "WEALTH_RISK_ASSESSMENT", "name": "Risk tolerance assessment", "phase": "BEFORE_INVESTING", "touchpoints": ["wealth.risk_assessment"], "keyNode": true, "inactivityTimeout": "PT2H"},
            {"order": 4, "code": "WEALTH_SUITABILITY_MATCH", "name": "Suitability match", "phase": "BEFORE_INVESTING", "touchpoints": ["wealth.suitability_match"], "keyNode": true, "inactivityTimeout": "PT2H"},
            {"order": 5, "code": "WEALTH_RM_CONSULTATION", "name": "Consultation with the RM", "phase": "BEFORE_INVESTING", "touchpoints": ["wealth.rm_consultation"], "keyNode": false},
            {"order": 6, "code": "WEALTH_ORDER_SUBMIT", "name": "Submit purchase order", "phase": "DURING_INVESTING", "touchpoints": ["wealth.order_submit"], "keyNode": true, "inactivityTimeout": "PT30M"},
            {"order": 7, "code": "WEALTH_PAYMENT_CONFIRM", "name": "Confirm payment", "phase": "DURING_INVESTING", "touchpoints": ["wealth.payment_confirm"], "keyNode": true, "inactivityTimeout": "PT30M"},
            {"order": 8, "code": "WEALTH_PURCHASE_SUCCESS", "name": "Purchase confirmed", "phase": "DURING_INVESTING", "touchpoints": ["wealth.purchase_success"], "keyNode": false},
            {"order": 9, "code": "WEALTH_HOLDING_VIEW", "name": "View holdings and returns", "phase": "AFTER_INVESTING", "touchpoints": ["wealth.holding_view"], "keyNode": false},
            {"order": 10, "code": "WEALTH_EARNINGS_NOTICE", "name": "Earnings and NAV notice", "phase": "AFTER_INVESTING", "touchpoints": ["wealth.earnings_notice"], "keyNode": false},
            {"order": 11, "code": "WEALTH_REDEMPTION", "name": "Redeem the product", "phase": "AFTER_INVESTING", "touchpoints": ["wealth.redemption"], "keyNode": true, "inactivityTimeout": "PT1H"}
        ],
        "startTouchpoints": ["wealth.product_browse", "wealth.product_detail"], "completionTouchpoints": ["wealth.purchase_success"], "maxDuration": "P30D", "channelSwitchGrace": "P1D", "assistedChannels": ["BRANCH", "CALL_CENTER", "RM_VISIT"]}', 'seed'),
    ('LOAN_APPLICATION', 1, true, '{"name": "Personal loan application", "nameZh": "个人贷款申请", "stage": "UPGRADE",
        "steps": [
            {"order": 1, "code": "LOAN_CALCULATOR", "name": "Loan calculator", "touchpoints": ["loan.calculator"], "keyNode": false},
            {"order": 2, "code": "LOAN_APPLICATION_FORM", "name": "Loan application form", "touchpoints": ["loan.application_form"], "keyNode": true, "inactivityTimeout": "P1D"},
            {"order": 3, "code": "LOAN_DOCUMENT_UPLOAD", "name": "Income document upload", "touchpoints": ["loan.document_upload"], "keyNode": true, "inactivityTimeout": "P1D"},
            {"order": 4, "code": "LOAN_CREDIT_CHECK", "name": "Credit bureau check", "touchpoints": ["loan.credit_check"], "keyNode": true, "inactivityTimeout": "P3D"},
            {"order": 5, "code": "LOAN_APPROVAL_NOTICE", "name": "Approval decision", "touchpoints": ["loan.approval_notice"], "keyNode": true, "inactivityTimeout": "P3D"},
            {"order": 6, "code": "LOAN_CONTRACT_SIGN", "name": "Sign the loan contract", "touchpoints": ["loan.contract_sign"], "keyNode": true, "inactivityTimeout": "P3D"},
            {"order": 7, "code": "LOAN_DISBURSEMENT", "name": "Loan disbursed", "touchpoints": ["loan.disbursement"], "keyNode": false},
            {"order": 8, "code": "LOAN_FIRST_REPAYMENT", "name": "First repayment", "touchpoints": ["loan.first_repayment"], "keyNode": false}
        ],
        "startTouchpoints": ["loan.application_form", "loan.calculator"], "completionTouchpoints": ["loan.disbursement"], "maxDuration": "P60D", "channelSwitchGrace": "P1D", "assistedChannels": ["BRANCH", "CALL_CENTER", "RM_VISIT"]}', 'seed'),
    ('TRANSFER', 1, true, '{"name": "Transfer and remittance", "nameZh": "转账汇款", "stage": "RETENTION",
        "steps": [
            {"order": 1, "code": "TRANSFER_START", "name": "Start a transfer", "touchpoints": ["transfer.start"], "keyNode": false},
            {"order": 2, "code": "TRANSFER_PAYEE_SELECT", "name": "Choose or add payee", "touchpoints": ["transfer.payee_select"], "keyNode": false},
            {"order": 3, "code": "TRANSFER_AMOUNT_INPUT", "name": "Enter amount", "touchpoints": ["transfer.amount_input"], "keyNode": false},
            {"order": 4, "code": "TRANSFER_OTP_VERIFY", "name": "SMS one-time password", "touchpoints": ["transfer.otp_verify"], "keyNode": true, "inactivityTimeout": "PT30M"},
            {"order": 5, "code": "TRANSFER_SUBMIT", "name": "Submit transfer", "touchpoints": ["transfer.submit"], "keyNode": true, "inactivityTimeout": "PT30M"},
            {"order": 6, "code": "TRANSFER_RESULT", "name": "Transfer result", "touchpoints": ["transfer.result"], "keyNode": false}
        ],
        "startTouchpoints": ["transfer.start"], "completionTouchpoints": ["transfer.result"], "maxDuration": "PT2H", "channelSwitchGrace": "PT30M", "assistedChannels": ["BRANCH", "CALL_CENTER", "RM_VISIT"]}', 'seed'),
    ('COMPLAINT', 1, true, '{"name": "Complaint handling", "nameZh": "投诉处理", "stage": "RETENTION",
        "steps": [
            {"order": 1, "code": "COMPLAINT_SUBMIT", "name": "Complaint submitted", "touchpoints": ["complaint.submit"], "keyNode": false},
            {"order": 2, "code": "COMPLAINT_ACKNOWLEDGED", "name": "Complaint acknowledged", "touchpoints": ["complaint.acknowledged"], "keyNode": false},
            {"order": 3, "code": "COMPLAINT_CALLBACK", "name": "Call-back from the bank", "touchpoints": ["complaint.callback"], "keyNode": true, "inactivityTimeout": "P2D"},
            {"order": 4, "code": "COMPLAINT_RESOLUTION", "name": "Resolution proposed", "touchpoints": ["complaint.resolution"], "keyNode": true, "inactivityTimeout": "P2D"},
            {"order": 5, "code": "COMPLAINT_CLOSED", "name": "Complaint closed", "touchpoints": ["complaint.closed"], "keyNode": false}
        ],
        "startTouchpoints": ["complaint.submit"], "completionTouchpoints": ["complaint.closed"], "maxDuration": "P30D", "channelSwitchGrace": "P1D", "assistedChannels": ["BRANCH", "CALL_CENTER", "RM_VISIT"]}', 'seed'),
    ('REFERRAL', 1, true, '{"name": "Refer a friend", "nameZh": "推荐好友", "stage": "REFERRAL",
        "steps": [
            {"order": 1, "code": "REFERRAL_INVITE_SHARE", "name": "Share an invitation", "touchpoints": ["referral.invite_share"], "keyNode": false},
            {"order": 2, "code": "REFERRAL_FRIEND_REGISTER", "name": "Friend registered", "touchpoints": ["referral.friend_register"], "keyNode": true, "inactivityTimeout": "P7D"},
            {"order": 3, "code": "REFERRAL_REWARD_GRANTED", "name": "Referral reward granted", "touchpoints": ["referral.reward_granted"], "keyNode": false}
        ],
        "startTouchpoints": ["referral.invite_share"], "completionTouchpoints": ["referral.reward_granted"], "maxDuration": "P30D", "channelSwitchGrace": "P1D", "assistedChannels": ["BRANCH", "CALL_CENTER", "RM_VISIT"]}', 'seed');
