package dev.firebell.aws.wiring;

import dagger.Module;
import dagger.Provides;
import dev.firebell.account.Origins;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.secrets.SecretsManagerLinkKeys;
import dev.firebell.link.ActionLinks;
import dev.firebell.link.LinkKeys;
import dev.firebell.link.PublicBase;
import dev.firebell.paging.PageComposer;
import java.time.Duration;
import java.time.InstantSource;
import javax.inject.Singleton;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What pages need to carry their links (docs/paging.md), for every function that composes pages:
 * <ul>
 *   <li>{@code PUBLIC_BASE_URL}: the stack's public endpoint, or {@code from-requests} (the web function itself);</li>
 *   <li>{@code LINK_KEY_SECRET_ARN}: the secret holding the link key (read on first use, cached);</li>
 *   <li>{@code LINK_VALIDITY_HOURS}: how long a link works, 1 to 168;</li>
 *   <li>{@code SMS_REPLIES}: {@code on} when two-way SMS is set up, so that SMS pages say which codes to reply.</li>
 * </ul>
 * Each is read when the graph is built, so a function missing one fails at init, naming it.
 */
@Module(includes = SecretsModule.class)
public final class LinksModule {

    private LinksModule() {
    }

    @Provides
    @Singleton
    static LinkKeys linkKeys(SecretsManagerClient secretsManager, FunctionEnvironment env, InstantSource clock) {
        return new SecretsManagerLinkKeys(secretsManager, env.require("LINK_KEY_SECRET_ARN"), clock);
    }

    @Provides
    @Singleton
    static PublicBase publicBase(FunctionEnvironment env) {
        try {
            return PublicBase.of(env.require("PUBLIC_BASE_URL"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("environment variable PUBLIC_BASE_URL: " + e.getMessage(), e);
        }
    }

    @Provides
    @Singleton
    static ActionLinks actionLinks(LinkKeys keys, PublicBase base, FunctionEnvironment env, InstantSource clock) {
        String hours = env.require("LINK_VALIDITY_HOURS");
        int validity;
        try {
            validity = Integer.parseInt(hours);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable LINK_VALIDITY_HOURS: '" + hours + "' is not a"
                    + " number of hours");
        }
        if (validity < 1 || validity > ActionLinks.MAX_VALIDITY.toHours()) {
            throw new IllegalStateException("environment variable LINK_VALIDITY_HOURS: " + validity + " is not"
                    + " between 1 and " + ActionLinks.MAX_VALIDITY.toHours());
        }
        return new ActionLinks(keys, base::url, Duration.ofHours(validity), clock);
    }

    @Provides
    @Singleton
    static PageComposer composer(ActionLinks links, FunctionEnvironment env, Origins origins) {
        String replies = env.require("SMS_REPLIES");
        if (!replies.equals("on") && !replies.equals("off")) {
            throw new IllegalStateException("environment variable SMS_REPLIES: '" + replies + "' is not on or off");
        }
        return new PageComposer(origins, links, replies.equals("on"));
    }
}
