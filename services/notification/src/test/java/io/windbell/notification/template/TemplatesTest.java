package io.windbell.notification.template;

import static io.windbell.notification.support.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderCreated;
import io.windbell.contracts.workorder.WorkOrderEscalated;
import io.windbell.contracts.workorder.WorkOrderSummary;
import io.windbell.notification.intake.Messages;
import io.windbell.notification.intake.StaffEvent;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.notification.support.Orders;

/**
 * Every staff event type renders every part in both languages with the facts: the order's title, its priority, the due
 * time in the reader's zone, the deep link; never the customer id.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class TemplatesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    Templates templates;

    @Test
    void aCreatedOrderReadsInEnglishWithTheDueTimeInTheReadersZone() {
        WorkOrderSummary order = order("B001", "E0001", Priority.HIGH);
        Parts parts = render(new WorkOrderCreated(order, "STD"), "ASSIGNEE", false, "en", LONDON);
        // Orders.DUE is 09:20Z: 09:20 in London in November
        assertThat(parts.inboxTitle()).isEqualTo("New work order for you: " + order.title());
        assertThat(parts.inboxBody()).contains("Priority high").contains("due 2025-11-19 09:20 (Europe/London)");
        assertThat(parts.subject()).isEqualTo("[Windbell] New work order for you: " + order.title());
        assertThat(parts.text()).contains(order.title(), "Priority: high", "Due: 2025-11-19 09:20 (Europe/London)",
                order.link());
        assertThat(parts.html()).contains("<html lang=\"en\">", order.title(), "2025-11-19 09:20 (Europe/London)",
                "href=\"" + order.link() + "\"");
        assertThat(parts.markdown()).contains("> " + order.title(), "[Open the work order](" + order.link() + ")");
        assertNoCustomer(parts);
    }

    @Test
    void theSameOrderReadsInChineseWithShanghaiTime() {
        WorkOrderSummary order = order("B001", "E0001", Priority.URGENT, "理财购买中断后 NPS 3 分");
        Parts parts = render(new WorkOrderCreated(order, "STD"), "ASSIGNEE", true, "zh-CN", SHANGHAI);
        // 09:20Z is 17:20 in Shanghai
        assertThat(parts.inboxTitle()).isEqualTo("您有新工单：理财购买中断后 NPS 3 分");
        assertThat(parts.inboxBody()).contains("优先级：紧急", "截止时间：2025-11-19 17:20 (Asia/Shanghai)");
        assertThat(parts.subject()).isEqualTo("【风铃】【紧急】您有新工单：理财购买中断后 NPS 3 分");
        assertThat(parts.text()).contains("优先级：紧急", "截止时间：2025-11-19 17:20 (Asia/Shanghai)", order.link());
        assertThat(parts.html()).contains("<html lang=\"zh-CN\">", "理财购买中断后 NPS 3 分", "17:20",
                "href=\"" + order.link() + "\"");
        assertThat(parts.markdown()).contains("<font color=\"warning\">您有新工单</font>", "[查看工单](" + order.link() + ")");
        assertNoCustomer(parts);
    }

    @Test
    void everyStaffTypeHasBothLanguagesAndTheRoleChoosesTheWords() {
        WorkOrderSummary order = Orders.escalated(order("B001", "E0001", Priority.NORMAL), 1);
        WorkOrderEscalated escalated = new WorkOrderEscalated(order, WorkOrderEscalated.Reason.SLA_BREACHED, "E0101",
                order.updatedAt());
        assertThat(render(escalated, "ESCALATION_TARGET", true, "en", SHANGHAI).inboxTitle())
                .startsWith("Work order escalated to you: ");
        assertThat(render(escalated, "INFORMED", false, "en", SHANGHAI).inboxTitle())
                .startsWith("Your work order was escalated: ");
        assertThat(render(escalated, "ESCALATION_TARGET", true, "zh-CN", SHANGHAI).inboxBody())
                .contains("已升级至第 1 级（SLA_BREACHED）", "现由您负责");
        assertThat(render(new WorkOrderCreated(order("B001", null, Priority.NORMAL), "STD"), "QUEUE", false, "zh-CN",
                SHANGHAI).inboxTitle()).startsWith("网点队列有新工单：");
        for (String type : List.of("workorder.created", "workorder.assigned", "workorder.escalated",
                "workorder.sla-warning", "workorder.reopened", "workorder.closed")) {
            for (String locale : Locales.SUPPORTED) {
                Parts parts = templates.render(type, locale,
                        Messages.of(StaffEvent.of(UUID.randomUUID(), escalated), "ASSIGNEE", false, SHANGHAI));
                assertThat(List.of(parts.inboxTitle(), parts.subject(), parts.text(), parts.html(), parts.markdown()))
                        .as(type + " " + locale).allSatisfy(part -> assertThat(part).contains(order.title()));
                assertThat(parts.inboxBody()).as(type + " " + locale).isNotBlank();
                assertNoCustomer(parts);
            }
        }
    }

    @Test
    void theHtmlPartEscapesWhatTheTitleCarries() {
        WorkOrderSummary order = order("B001", "E0001", Priority.NORMAL, "Fees <b>doubled</b> & more");
        Parts parts = render(new WorkOrderCreated(order, "STD"), "ASSIGNEE", false, "en", SHANGHAI);
        assertThat(parts.html()).contains("Fees &lt;b&gt;doubled&lt;/b&gt; &amp; more").doesNotContain("<b>");
        assertThat(parts.text()).contains("Fees <b>doubled</b> & more");
    }

    @Test
    void theDigestAndTheReminderRenderInBothLanguages() {
        DigestMessage digest = new DigestMessage("2025-11-19",
                List.of("Work order closed: A", "Work order closed: <B>"));
        Parts en = templates.render(Templates.DIGEST, "en", digest);
        assertThat(en.subject()).isEqualTo("[Windbell] Your digest of 2025-11-19: 2 notification(s)");
        assertThat(en.text()).contains("- Work order closed: A", "- Work order closed: <B>");
        assertThat(en.html()).contains("<li>Work order closed: &lt;B&gt;</li>");
        assertThat(en.inboxTitle()).isNull();
        assertThat(templates.render(Templates.DIGEST, "zh-CN", digest).subject())
                .isEqualTo("【风铃】2025-11-19 通知汇总：共 2 条");

        ReminderMessage reminder = new ReminderMessage("工单已升级至您：T", "body", "E0101", 12, "https://x.example/w/1");
        Parts zh = templates.render(Templates.REMINDER, "zh-CN", reminder);
        assertThat(zh.subject()).isEqualTo("【风铃】【紧急】尚未确认：工单已升级至您：T");
        assertThat(zh.markdown()).contains("员工 E0101 已 12 分钟未确认", "[查看工单](https://x.example/w/1)");
        assertThat(templates.render(Templates.REMINDER, "en", reminder).text())
                .contains("Not acknowledged for 12 minutes", "https://x.example/w/1");
    }

    private Parts render(io.windbell.contracts.EventPayload payload, String role, boolean critical, String locale,
            ZoneId zone) {
        StaffEvent event = StaffEvent.of(UUID.randomUUID(), payload);
        return templates.render(event.type(), locale, Messages.of(event, role, critical, zone));
    }

    private static void assertNoCustomer(Parts parts) {
        assertThat(List.of(parts.inboxTitle(), parts.inboxBody(), parts.subject(), parts.text(), parts.html(),
                parts.markdown())).noneMatch(part -> part.contains(Orders.CUSTOMER));
    }
}
