package dev.firebell.function.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.function.web.ConsoleClient.Answer;
import dev.firebell.local.LocalResources;
import dev.firebell.local.LocalStack;
import dev.firebell.local.junit.LocalStackTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the console through the real web handler, its production graph and the emulator's table: the link's
 * button signs in once (one transaction writes the link's use and the session), the cookie comes back through the
 * Function URL's {@code cookies} lists, signing out deletes the session, and the used link is refused with a clear page.
 */
@LocalStackTest
class ConsoleSignInIntegrationTest {

    private final LocalStack local;
    private final LocalResources resources;
    private WebFixture fixture;
    private ConsoleClient console;

    ConsoleSignInIntegrationTest(LocalStack local, LocalResources resources) {
        this.local = local;
        this.resources = resources;
    }

    @BeforeEach
    void scene() {
        fixture = new WebFixture(local, resources);
        console = new ConsoleClient(fixture);
    }

    @Test
    void theLinksButton_signsInOnce_signingOutEndsTheSession_andTheUsedLinkIsRefused() {
        String link = console.link("alice", false);
        var before = fixture.items();

        Answer page = console.request("GET", link, null, "");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in to Firebell as Alice?");
        assertThat(fixture.items()).as("a GET writes nothing").isEqualTo(before);

        Answer signedIn = console.request("POST", link, null, "");
        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.headers()).containsEntry("location", "/console/incidents");
        assertThat(signedIn.cookies()).singleElement().asString().startsWith("__Host-firebell=")
                .contains("; Secure; HttpOnly; SameSite=Lax");
        String cookie = signedIn.cookies().get(0).substring(0, signedIn.cookies().get(0).indexOf(';'));
        assertThat(fixture.items().keySet()).filteredOn(k -> !before.containsKey(k)).hasSize(2)
                .anyMatch(k -> k.startsWith("SIGNIN#") && k.endsWith(" | SIGNIN"))
                .anyMatch(k -> k.startsWith("SESSION#") && k.endsWith(" | SESSION"));
        assertThat(fixture.items().values()).filteredOn(i -> i.get("PK").s().startsWith("SESSION#"))
                .singleElement().satisfies(i -> {
                    assertThat(i.get("personId").s()).isEqualTo("alice");
                    assertThat(i.get("expiresAt").n()).as("TTL").isEqualTo(String.valueOf(WebFixture.T0
                            .plusSeconds(12 * 3600).getEpochSecond()));
                    assertThat(i.toString()).doesNotContain(cookie.substring(cookie.indexOf('=') + 1));
                });

        Answer home = console.get("/console", cookie);
        assertThat(home.status()).as("signed in: the console's frame, not its 401 page").isNotEqualTo(401);
        assertThat(home.body()).contains("Sign out Alice");

        Answer again = console.request("POST", link, null, "");
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body()).contains("This sign-in link was already used").contains("/incident console");
        assertThat(again.cookies()).isEmpty();

        Answer out = console.post("/console/sign-out", cookie, "csrf=" + console.csrf(cookie));
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.cookies()).singleElement().asString().contains("Max-Age=0");
        assertThat(fixture.items().keySet()).noneMatch(k -> k.startsWith("SESSION#"));
        Answer after = console.get("/console/incidents", cookie);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body()).contains("Sign in to Firebell");
    }

    @Test
    void twoPressesAtOnce_signInOnce() throws Exception {
        String link = console.link("bob", false);
        Callable<Answer> press = () -> console.request("POST", link, null, "");

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (Future<Answer> f : pool.invokeAll(List.of(press, press, press))) {
                statuses.add(f.get().status());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsExactlyInAnyOrder(303, 410, 410);
        assertThat(fixture.items().keySet()).filteredOn(k -> k.startsWith("SESSION#")).hasSize(1);
    }

    @Test
    void aReaderOutsideTheConfiguration_readsTheConsole_butEveryFormIsRefused() {
        String stranger = console.signIn("U0STRANGER", true);

        Answer page = console.get("/console", stranger);
        Answer acted = console.post("/console/incidents/1/acknowledge", stranger, "csrf=" + console.csrf(stranger));

        assertThat(page.status()).isNotEqualTo(401);
        assertThat(acted.status()).isEqualTo(403);
        assertThat(acted.body()).contains("Read only");
    }
}
