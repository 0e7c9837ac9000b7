package io.windbell.survey.preference.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.contracts.Identifiers;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.platform.logging.Mask;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.survey.preference.ContactPreference;
import io.windbell.survey.preference.PreferenceRepository;
import io.windbell.survey.preference.PreferenceValidator;

/**
 * A customer's contact wishes: channel apps report consent changes, CX admins may correct them, analysts read them. A
 * customer without a stored preference gets the service defaults ({@code windbell.survey.budget.default-*}, channel
 * from the rule or APP_PUSH); GET answers 404 for them rather than inventing a record nobody stored.
 */
@Path("/v1/customers/{customerId}/contact-preferences")
@Tag(name = "contact preferences", description = "Do-not-survey, time zone, locale and channel per customer")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    private static final Logger LOG = Logger.getLogger(PreferenceResource.class);

    private final PreferenceRepository repository;
    private final SecurityIdentity identity;

    PreferenceResource(PreferenceRepository repository, SecurityIdentity identity) {
        this.repository = repository;
        this.identity = identity;
    }

    /** A preference as the API reads and writes it. */
    @Schema(name = "ContactPreference")
    public record PreferenceDocument(@Schema(readOnly = true, examples = "C00000042") String customerId,
            @Schema(description = "true: no survey at all, not even a recovery follow-up", required = true) Boolean doNotSurvey,
            @Schema(description = "IANA zone for quiet hours; absent = service default", examples = "Asia/Shanghai") String timeZone,
            @Schema(description = "zh-CN or en; absent = service default", examples = "zh-CN") String locale,
            @Schema(description = "absent = the rule's channel or APP_PUSH") DeliveryChannel channel,
            @Schema(readOnly = true) Instant updatedAt, @Schema(readOnly = true) String updatedBy) {

        static PreferenceDocument of(ContactPreference p) {
            return new PreferenceDocument(p.customerId(), p.doNotSurvey(), p.timeZone(), p.locale(), p.channel(),
                    p.updatedAt(), p.updatedBy());
        }
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The stored preference of a customer")
    @APIResponse(responseCode = "200", description = "the preference")
    @APIResponse(responseCode = "404", description = "none stored: the service defaults apply")
    public PreferenceDocument get(@PathParam("customerId") String customerId) {
        return repository.find(customer(customerId)).map(PreferenceDocument::of)
                .orElseThrow(() -> new ProblemException(Problem.of("not-found", "Not found", 404,
                        "no contact preference is stored for this customer: the service defaults apply")));
    }

    @PUT
    @RolesAllowed({ "cx-admin", "channel-app" })
    @Operation(summary = "Create or replace the preference of a customer (e.g. the app reports a withdrawn consent)")
    @APIResponse(responseCode = "200", description = "the preference as stored")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    public PreferenceDocument put(@PathParam("customerId") String customerId, @NotNull PreferenceDocument body) {
        customer(customerId);
        List<Violation> violations = new ArrayList<>();
        if (body.customerId() != null && !body.customerId().equals(customerId)) {
            violations.add(new Violation("customerId", "must equal the customer in the path or be absent"));
        }
        if (body.doNotSurvey() == null) {
            violations.add(new Violation("doNotSurvey", "is required: true or false"));
        }
        ContactPreference candidate = new ContactPreference(customerId, Boolean.TRUE.equals(body.doNotSurvey()),
                body.timeZone(), body.locale(), body.channel(), Instant.now(), user());
        violations.addAll(PreferenceValidator.validate(candidate));
        Versioning.requireValid(List.of(), violations);
        ContactPreference saved = repository.save(candidate);
        LOG.infof("contact preference of customer %s set by %s (doNotSurvey=%s)", Mask.id(customerId),
                saved.updatedBy(), saved.doNotSurvey());
        return PreferenceDocument.of(saved);
    }

    private static String customer(String customerId) {
        return QueryParams.pathId("customerId", customerId, Identifiers::isCustomerId, Identifiers.CUSTOMER_ID_REGEX);
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
