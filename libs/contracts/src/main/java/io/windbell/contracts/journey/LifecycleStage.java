package io.windbell.contracts.journey;

/** The customer lifecycle stage a journey definition serves (获客, 激活, 提升, 留存, 推荐). */
public enum LifecycleStage {
    ACQUISITION, ACTIVATION, UPGRADE, RETENTION, REFERRAL
}
