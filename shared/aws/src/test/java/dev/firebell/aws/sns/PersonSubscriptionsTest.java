package dev.firebell.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.firebell.person.Contact;
import dev.firebell.person.Person;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetSubscriptionAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicRequest;
import software.amazon.awssdk.services.sns.model.SubscribeRequest;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.paginators.ListSubscriptionsByTopicIterable;

/** The reconciliation rules on cases the emulator cannot show (it confirms every subscription at once). */
class PersonSubscriptionsTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:pages";

    private final SnsClient sns = mock(SnsClient.class);
    private final PersonSubscriptions subscriptions = new PersonSubscriptions(sns, TOPIC);

    private static Person person(String id, Contact... contacts) {
        return new Person(id, id, ZoneId.of("UTC"), null, List.of(contacts), null);
    }

    @SuppressWarnings("unchecked")
    private void topicHas(Subscription... existing) {
        ListSubscriptionsByTopicIterable pages = mock(ListSubscriptionsByTopicIterable.class);
        when(pages.subscriptions()).thenReturn(() -> List.of(existing).iterator());
        when(sns.listSubscriptionsByTopicPaginator(any(Consumer.class))).thenReturn(pages);
    }

    @SuppressWarnings("unchecked")
    private void filterOf(String arn, String policy) {
        when(sns.getSubscriptionAttributes(any(Consumer.class))).thenAnswer(call -> {
            GetSubscriptionAttributesRequest.Builder b = GetSubscriptionAttributesRequest.builder();
            ((Consumer<GetSubscriptionAttributesRequest.Builder>) call.getArgument(0)).accept(b);
            String asked = b.build().subscriptionArn();
            return GetSubscriptionAttributesResponse.builder()
                    .attributes(asked.equals(arn) && policy != null ? Map.of("FilterPolicy", policy) : Map.of()).build();
        });
    }

    private static Subscription sub(String arn, String protocol, String endpoint) {
        return Subscription.builder().subscriptionArn(arn).protocol(protocol).endpoint(endpoint).topicArn(TOPIC).build();
    }

    @Test
    void aSharedEndpoint_isOneSubscription_filteringForEveryoneWhoHasIt() {
        topicHas();
        List<PersonSubscriptions.Change> plan = subscriptions.plan(List.of(
                person("alice", new Contact(Contact.Protocol.EMAIL, "Oncall@Example.com")),
                person("bob", new Contact(Contact.Protocol.EMAIL, "oncall@example.com"))));

        assertThat(plan).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(PersonSubscriptions.Change.Kind.SUBSCRIBE);
            assertThat(c.targets()).containsExactly("person:alice", "person:bob");
        });
        subscriptions.addAndRefilter(plan);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Consumer<SubscribeRequest.Builder>> request = ArgumentCaptor.forClass(Consumer.class);
        verify(sns).subscribe(request.capture());
        SubscribeRequest.Builder b = SubscribeRequest.builder();
        request.getValue().accept(b);
        assertThat(b.build().attributes()).containsEntry("FilterPolicy", "{\"target\":[\"person:alice\",\"person:bob\"]}");
        assertThat(b.build().returnSubscriptionArn()).isTrue();
    }

    @Test
    void anEmailAwaitingConfirmation_isNeitherSubscribedAgainNorRemoved() {
        topicHas(sub("PendingConfirmation", "email", "alice@example.com"));
        List<PersonSubscriptions.Change> plan = subscriptions.plan(List.of(
                person("alice", new Contact(Contact.Protocol.EMAIL, "alice@example.com"))));
        assertThat(plan).singleElement().satisfies(c ->
                assertThat(c.kind()).isEqualTo(PersonSubscriptions.Change.Kind.AWAITING_CONFIRMATION));

        assertThat(subscriptions.plan(List.of())).as("cannot be unsubscribed until confirmed").isEmpty();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aSubscriptionMadeByHandWithoutAFilter_receivesEverythingAlready_andIsLeftAlone() {
        topicHas(sub("arn:ops", "email", "ops@example.com"));
        filterOf("arn:ops", null);
        List<PersonSubscriptions.Change> plan = subscriptions.plan(List.of(
                person("alice", new Contact(Contact.Protocol.EMAIL, "ops@example.com"))));
        assertThat(plan).isEmpty();
        subscriptions.removeUnwanted(subscriptions.plan(List.of()));
        verify(sns, never()).unsubscribe(any(Consumer.class));
    }

    @Test
    void aSubscriptionMadeByHandForATeam_getsThePersonAdded_keepingTheTeam() {
        topicHas(sub("arn:team", "email", "checkout@example.com"));
        filterOf("arn:team", "{\"target\":[\"team-checkout\"]}");
        assertThat(subscriptions.plan(List.of(person("alice", new Contact(Contact.Protocol.EMAIL, "checkout@example.com")))))
                .singleElement().satisfies(c -> {
                    assertThat(c.kind()).isEqualTo(PersonSubscriptions.Change.Kind.REFILTER);
                    assertThat(c.targets()).containsExactly("person:alice", "team-checkout");
                });
        assertThat(subscriptions.plan(List.of())).as("never removed: it is not ours").isEmpty();
    }

    @Test
    void targetsOf_readsOnlyFilterPoliciesOnTheTargetAlone() {
        assertThat(PersonSubscriptions.targetsOf("{\"target\":[\"person:b\",\"person:a\"]}"))
                .containsExactly("person:a", "person:b");
        assertThat(PersonSubscriptions.targetsOf("{\"target\":[\"person:a\"],\"severity\":[\"SEV1\"]}")).isEmpty();
        assertThat(PersonSubscriptions.targetsOf("{\"target\":[{\"prefix\":\"person:\"}]}")).isEmpty();
        assertThat(PersonSubscriptions.targetsOf("not json")).isEmpty();
    }
}
