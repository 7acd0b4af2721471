package dev.firebell.aws.s3;

import dev.firebell.postmortem.PostmortemDraft;
import dev.firebell.postmortem.PostmortemStore;
import dev.firebell.postmortem.StoredDraft;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Drafts as Markdown objects in a versioned bucket, one key per incident ({@code postmortems/<id>.md}): the latest
 * version is what a plain GET gives, every earlier version stays (versioning never overwrites). Each version
 * carries the SHA-256 of its text in its metadata, so an unchanged regeneration is recognised without reading the
 * body, and an {@value #ANNOUNCED_TAG} tag once subscribers were told (tags change without making a new version).
 */
public final class S3PostmortemStore implements PostmortemStore {

    static final String PREFIX = "postmortems/";
    static final String SHA_256 = "content-sha256";
    static final String ANNOUNCED_TAG = "firebell-announced";

    private final S3Client s3;
    private final String bucket;
    private final String region;

    public S3PostmortemStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
        this.region = s3.serviceClientConfiguration().region().id();
    }

    public static String key(String incidentId) {
        return PREFIX + incidentId + ".md";
    }

    @Override
    public Optional<StoredDraft> latest(String incidentId) {
        String key = key(incidentId);
        HeadObjectResponse head;
        try {
            head = s3.headObject(r -> r.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        String sha = head.metadata().get(SHA_256);
        if (sha == null) {
            // Written by someone else (an edited upload): never equal, so Firebell's next draft becomes a new version.
            sha = "";
        }
        String versionId = versionOf(head.versionId());
        boolean announced = s3.getObjectTagging(r -> r.bucket(bucket).key(key).versionId(versionId)).tagSet().stream()
                .anyMatch(t -> ANNOUNCED_TAG.equals(t.key()) && "true".equals(t.value()));
        return Optional.of(stored(incidentId, versionId, sha, announced));
    }

    @Override
    public StoredDraft save(PostmortemDraft draft) {
        String key = key(draft.incidentId());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(SHA_256, draft.sha256());
        metadata.put("incident-id", draft.incidentId());
        metadata.put("service", ascii(draft.incident().service()));
        metadata.put("severity", draft.incident().severity().name());
        PutObjectResponse put = s3.putObject(r -> r.bucket(bucket).key(key)
                .contentType("text/markdown; charset=utf-8").metadata(metadata), RequestBody.fromBytes(draft.bytes()));
        return stored(draft.incidentId(), versionOf(put.versionId()), draft.sha256(), false);
    }

    @Override
    public void markAnnounced(StoredDraft draft) {
        String key = key(draft.incidentId());
        s3.putObjectTagging(r -> r.bucket(bucket).key(key).versionId(draft.versionId())
                .tagging(t -> t.tagSet(Tag.builder().key(ANNOUNCED_TAG).value("true").build())));
    }

    private StoredDraft stored(String incidentId, String versionId, String sha, boolean announced) {
        String key = key(incidentId);
        String command = "aws s3api get-object --bucket " + bucket + " --key " + key
                + (versionId != null ? " --version-id " + versionId : "") + " postmortem-" + incidentId + ".md";
        return new StoredDraft(incidentId, "s3://" + bucket + "/" + key, versionId, sha, announced, consoleUrl(key),
                command);
    }

    private String consoleUrl(String key) {
        String host = region.startsWith("cn-") ? "console.amazonaws.cn"
                : region.startsWith("us-gov-") ? "console.amazonaws-us-gov.com" : "s3.console.aws.amazon.com";
        return "https://" + host + "/s3/object/" + bucket + "?region=" + region + "&prefix="
                + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    /** Without versioning S3 answers "null" or nothing; with it, an opaque id. */
    private static String versionOf(String versionId) {
        return versionId == null || versionId.isBlank() || "null".equals(versionId) ? null : versionId;
    }

    /** User metadata travels in HTTP headers: ASCII only. */
    private static String ascii(String s) {
        return s.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
