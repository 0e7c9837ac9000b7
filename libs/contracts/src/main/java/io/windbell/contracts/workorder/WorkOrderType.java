package io.windbell.contracts.workorder;

/** What kind of job a work order is (低分触发 → 专项整改 → 旅程重塑). */
public enum WorkOrderType {
    /** call back one detractor (追挽) */
    RECOVERY,
    /** call back a customer whose key journey was interrupted, when the rules select them */
    CALLBACK,
    /** a systemic problem owned by a department (专项整改), linking many cases */
    SPECIAL_TASK
}
