package dev.firebell.aws.s3;

import dev.firebell.postmortem.DraftVersions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The versions of a draft in the versioned postmortem bucket ({@link S3PostmortemStore#key}): one ListObjectVersions
 * for the listing (a draft has a handful of versions, well under a page of 1,000), one GetObject for a version's text.
 * A delete marker as the latest version means the draft was deleted: its versions are still listed, but none is
 * the latest.
 */
public final class S3DraftVersions implements DraftVersions {

    private final S3Client s3;
    private final String bucket;

    public S3DraftVersions(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public List<Version> versions(String incidentId) {
        String key = S3PostmortemStore.key(incidentId);
        List<Version> out = new ArrayList<>();
        String keyMarker = null;
        String versionMarker = null;
        do {
            String k = keyMarker;
            String v = versionMarker;
            ListObjectVersionsResponse page = s3.listObjectVersions(r -> r.bucket(bucket).prefix(key).keyMarker(k)
                    .versionIdMarker(v));
            for (ObjectVersion version : page.versions()) {
                // The prefix also matches longer keys (postmortems/42.md.bak): only the draft's own.
                if (key.equals(version.key())) {
                    out.add(new Version(version.versionId() == null ? "null" : version.versionId(),
                            version.lastModified(), version.size() == null ? 0 : version.size(),
                            Boolean.TRUE.equals(version.isLatest())));
                }
            }
            boolean more = Boolean.TRUE.equals(page.isTruncated());
            keyMarker = more ? page.nextKeyMarker() : null;
            versionMarker = more ? page.nextVersionIdMarker() : null;
        } while (keyMarker != null);
        out.sort(Comparator.comparing(Version::savedAt).reversed());
        return out;
    }

    @Override
    public Optional<String> text(String incidentId, String versionId) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(S3PostmortemStore.key(incidentId))
                    .versionId(versionId)).asString(StandardCharsets.UTF_8));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
