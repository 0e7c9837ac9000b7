-- A realistic retail-bank touchpoint catalog: 7 channels, 7 journeys over the five lifecycle stages,
-- 47 touchpoints. CX admins change it through the catalog API afterwards.
INSERT INTO channel (code, name, name_zh) VALUES
    ('MOBILE_APP',  'Mobile banking app',        '手机银行App'),
    ('WEB',         'Internet banking',          '网上银行'),
    ('BRANCH',      'Branch counter',            '网点柜台'),
    ('CALL_CENTER', 'Call centre',               '客服热线'),
    ('WECHAT',      'WeChat mini-program',       '微信银行'),
    ('ATM',         'ATM and self-service',      '自助设备'),
    ('RM_VISIT',    'Relationship manager visit','客户经理上门');

INSERT INTO journey (code, name, name_zh, lifecycle_stage) VALUES
    ('ACCOUNT_OPENING',  'Account opening',          '开户',         'ACQUISITION'),
    ('CARD_ACTIVATION',  'Credit card activation',   '信用卡激活',   'ACTIVATION'),
    ('WEALTH_PURCHASE',  'Wealth product purchase',  '理财购买',     'UPGRADE'),
    ('LOAN_APPLICATION', 'Personal loan application','个人贷款申请', 'UPGRADE'),
    ('TRANSFER',         'Transfer and remittance',  '转账汇款',     'RETENTION'),
    ('COMPLAINT',        'Complaint handling',       '投诉处理',     'RETENTION'),
    ('REFERRAL',         'Refer a friend',           '推荐好友',     'REFERRAL');

INSERT INTO touchpoint (code, name, name_zh, journey_code, step_order, phase, key_node, channels) VALUES
    -- account opening (获客)
    ('account.entry',            'Start account opening',        '开户入口',         'ACCOUNT_OPENING', 1, NULL, false, '{MOBILE_APP,WEB,WECHAT,BRANCH}'),
    ('account.id_upload',        'ID card upload and OCR',       '身份证上传识别',   'ACCOUNT_OPENING', 2, NULL, true,  '{MOBILE_APP,WECHAT,BRANCH}'),
    ('account.face_verify',      'Face verification',            '人脸识别',         'ACCOUNT_OPENING', 3, NULL, true,  '{MOBILE_APP,WECHAT,BRANCH}'),
    ('account.info_form',        'Personal information form',    '个人信息填写',     'ACCOUNT_OPENING', 4, NULL, false, '{MOBILE_APP,WEB,WECHAT,BRANCH}'),
    ('account.card_binding',     'Bind a card from another bank','绑定他行卡',       'ACCOUNT_OPENING', 5, NULL, true,  '{MOBILE_APP,WECHAT}'),
    ('account.password_set',     'Set transaction password',     '设置交易密码',     'ACCOUNT_OPENING', 6, NULL, false, '{MOBILE_APP,WECHAT,BRANCH}'),
    ('account.opened',           'Account opened',               '开户成功',         'ACCOUNT_OPENING', 7, NULL, false, '{MOBILE_APP,WEB,WECHAT,BRANCH}'),
    ('account.branch_appointment','Branch appointment booked',   '网点预约',         'ACCOUNT_OPENING', 8, NULL, false, '{MOBILE_APP,WECHAT,CALL_CENTER}'),
    -- credit card activation (激活)
    ('card.delivery_notice',     'Card delivered',               '卡片寄达通知',     'CARD_ACTIVATION', 1, NULL, false, '{MOBILE_APP,WECHAT}'),
    ('card.activation_start',    'Start activation',             '开始激活',         'CARD_ACTIVATION', 2, NULL, false, '{MOBILE_APP,WECHAT,CALL_CENTER,BRANCH}'),
    ('card.identity_verify',     'Identity verification',        '身份核验',         'CARD_ACTIVATION', 3, NULL, true,  '{MOBILE_APP,WECHAT,CALL_CENTER,BRANCH}'),
    ('card.pin_set',             'Set card PIN',                 '设置卡密码',       'CARD_ACTIVATION', 4, NULL, true,  '{MOBILE_APP,CALL_CENTER,BRANCH,ATM}'),
    ('card.activated',           'Card activated',               '激活成功',         'CARD_ACTIVATION', 5, NULL, false, '{MOBILE_APP,WECHAT,CALL_CENTER,BRANCH}'),
    ('card.first_transaction',   'First card transaction',       '首笔交易',         'CARD_ACTIVATION', 6, NULL, false, '{MOBILE_APP,ATM,BRANCH}'),
    -- wealth purchase (提升), before / during / after investing (投前/投中/投后)
    ('wealth.product_browse',    'Browse wealth products',       '理财产品浏览',     'WEALTH_PURCHASE', 1,  'BEFORE_INVESTING', false, '{MOBILE_APP,WEB,WECHAT}'),
    ('wealth.product_detail',    'Product detail and prospectus','产品详情与说明书', 'WEALTH_PURCHASE', 2,  'BEFORE_INVESTING', false, '{MOBILE_APP,WEB,WECHAT,RM_VISIT}'),
    ('wealth.risk_assessment',   'Risk tolerance assessment',    '风险测评',         'WEALTH_PURCHASE', 3,  'BEFORE_INVESTING', true,  '{MOBILE_APP,WEB,BRANCH,RM_VISIT}'),
    ('wealth.suitability_match', 'Suitability match',            '适当性匹配',       'WEALTH_PURCHASE', 4,  'BEFORE_INVESTING', true,  '{MOBILE_APP,WEB,BRANCH,RM_VISIT}'),
    ('wealth.rm_consultation',   'Consultation with the RM',     '客户经理咨询',     'WEALTH_PURCHASE', 5,  'BEFORE_INVESTING', false, '{BRANCH,CALL_CENTER,RM_VISIT,WECHAT}'),
    ('wealth.order_submit',      'Submit purchase order',        '提交购买',         'WEALTH_PURCHASE', 6,  'DURING_INVESTING', true,  '{MOBILE_APP,WEB,BRANCH,RM_VISIT}'),
    ('wealth.payment_confirm',   'Confirm payment',              '支付确认',         'WEALTH_PURCHASE', 7,  'DURING_INVESTING', true,  '{MOBILE_APP,WEB,BRANCH}'),
    ('wealth.purchase_success',  'Purchase confirmed',           '购买成功',         'WEALTH_PURCHASE', 8,  'DURING_INVESTING', false, '{MOBILE_APP,WEB,BRANCH,RM_VISIT}'),
    ('wealth.holding_view',      'View holdings and returns',    '持仓收益查看',     'WEALTH_PURCHASE', 9,  'AFTER_INVESTING',  false, '{MOBILE_APP,WEB,WECHAT}'),
    ('wealth.earnings_notice',   'Earnings and NAV notice',      '收益与净值提醒',   'WEALTH_PURCHASE', 10, 'AFTER_INVESTING',  false, '{MOBILE_APP,WECHAT}'),
    ('wealth.redemption',        'Redeem the product',           '赎回',             'WEALTH_PURCHASE', 11, 'AFTER_INVESTING',  true,  '{MOBILE_APP,WEB,BRANCH}'),
    -- personal loan (提升)
    ('loan.calculator',          'Loan calculator',              '贷款试算',         'LOAN_APPLICATION', 1, NULL, false, '{MOBILE_APP,WEB,WECHAT}'),
    ('loan.application_form',    'Loan application form',        '贷款申请填写',     'LOAN_APPLICATION', 2, NULL, true,  '{MOBILE_APP,WEB,BRANCH,RM_VISIT}'),
    ('loan.document_upload',     'Income document upload',       '收入证明上传',     'LOAN_APPLICATION', 3, NULL, true,  '{MOBILE_APP,WEB,BRANCH,RM_VISIT}'),
    ('loan.credit_check',        'Credit bureau check',          '征信查询授权',     'LOAN_APPLICATION', 4, NULL, true,  '{MOBILE_APP,WEB,BRANCH}'),
    ('loan.approval_notice',     'Approval decision',            '审批结果通知',     'LOAN_APPLICATION', 5, NULL, true,  '{MOBILE_APP,WECHAT,CALL_CENTER}'),
    ('loan.contract_sign',       'Sign the loan contract',       '合同签署',         'LOAN_APPLICATION', 6, NULL, true,  '{MOBILE_APP,BRANCH,RM_VISIT}'),
    ('loan.disbursement',        'Loan disbursed',               '放款',             'LOAN_APPLICATION', 7, NULL, false, '{MOBILE_APP,BRANCH}'),
    ('loan.first_repayment',     'First repayment',              '首期还款',         'LOAN_APPLICATION', 8, NULL, false, '{MOBILE_APP,WEB,ATM,BRANCH}'),
    -- transfer (留存)
    ('transfer.start',           'Start a transfer',             '发起转账',         'TRANSFER', 1, NULL, false, '{MOBILE_APP,WEB,WECHAT,ATM,BRANCH}'),
    ('transfer.payee_select',    'Choose or add payee',          '选择收款人',       'TRANSFER', 2, NULL, false, '{MOBILE_APP,WEB,WECHAT,ATM,BRANCH}'),
    ('transfer.amount_input',    'Enter amount',                 '输入金额',         'TRANSFER', 3, NULL, false, '{MOBILE_APP,WEB,WECHAT,ATM,BRANCH}'),
    ('transfer.otp_verify',      'SMS one-time password',        '短信验证码',       'TRANSFER', 4, NULL, true,  '{MOBILE_APP,WEB,WECHAT}'),
    ('transfer.submit',          'Submit transfer',              '提交转账',         'TRANSFER', 5, NULL, true,  '{MOBILE_APP,WEB,WECHAT,ATM,BRANCH}'),
    ('transfer.result',          'Transfer result',              '转账结果',         'TRANSFER', 6, NULL, false, '{MOBILE_APP,WEB,WECHAT,ATM,BRANCH}'),
    -- complaint (留存)
    ('complaint.submit',         'Complaint submitted',          '投诉提交',         'COMPLAINT', 1, NULL, false, '{MOBILE_APP,WEB,WECHAT,CALL_CENTER,BRANCH}'),
    ('complaint.acknowledged',   'Complaint acknowledged',       '投诉受理',         'COMPLAINT', 2, NULL, false, '{MOBILE_APP,WECHAT,CALL_CENTER}'),
    ('complaint.callback',       'Call-back from the bank',      '客服回访',         'COMPLAINT', 3, NULL, true,  '{CALL_CENTER,BRANCH,RM_VISIT}'),
    ('complaint.resolution',     'Resolution proposed',          '处理方案',         'COMPLAINT', 4, NULL, true,  '{CALL_CENTER,BRANCH,RM_VISIT,MOBILE_APP}'),
    ('complaint.closed',         'Complaint closed',             '投诉办结',         'COMPLAINT', 5, NULL, false, '{MOBILE_APP,WECHAT,CALL_CENTER,BRANCH}'),
    -- referral (推荐)
    ('referral.invite_share',    'Share an invitation',          '分享邀请',         'REFERRAL', 1, NULL, false, '{MOBILE_APP,WECHAT}'),
    ('referral.friend_register', 'Friend registered',            '好友注册',         'REFERRAL', 2, NULL, true,  '{MOBILE_APP,WECHAT,WEB}'),
    ('referral.reward_granted',  'Referral reward granted',      '推荐奖励发放',     'REFERRAL', 3, NULL, false, '{MOBILE_APP,WECHAT}');
