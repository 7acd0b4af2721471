package dev.firebell.console.postmortem;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.firebell.aws.runtime.FunctionEnvironment;
import dev.firebell.aws.s3.S3DraftVersions;
import dev.firebell.aws.wiring.S3Module;
import dev.firebell.console.ConsolePages;
import dev.firebell.postmortem.DraftVersions;
import javax.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The postmortem pages, reading drafts from the postmortem bucket (read only: the postmortem function writes). The S3
 * client is built lazily, on the first postmortem page, not in every cold start of the web function.
 */
@Module(includes = S3Module.class)
public final class PostmortemPagesModule {

    private PostmortemPagesModule() {
    }

    @Provides
    @Singleton
    static DraftVersions draftVersions(S3Client s3, FunctionEnvironment env) {
        return new S3DraftVersions(s3, env.require("POSTMORTEM_BUCKET"));
    }

    /** The bucket is read at start (a missing variable fails the cold start, not a page), the client when first used. */
    @Provides
    @IntoSet
    static ConsolePages postmortemPages(Lazy<S3Client> s3, FunctionEnvironment env) {
        String bucket = env.require("POSTMORTEM_BUCKET");
        return new PostmortemPages(() -> new S3DraftVersions(s3.get(), bucket));
    }
}
