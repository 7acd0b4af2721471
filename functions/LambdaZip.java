import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a function's deployment zip (built by lambda-zip.xml) so that its jars are stored uncompressed inside and
 * the zip compresses each of them whole (ADR 0054). A jar compresses each class on its own; deflating a stored jar as
 * one stream finds the names and signatures the classes share, so the same code ships in about a third less, and the
 * JVM reads classes from the extracted jars without inflating them. Same files, same order, same times: only the
 * compression changes. Run by functions/pom.xml in the package phase with Java's source launcher:
 * {@code java functions/LambdaZip.java functions/<module>/target/<module>.zip}.
 */
public final class LambdaZip {

    private LambdaZip() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java LambdaZip.java <function zip>");
        }
        Path zip = Path.of(args[0]);
        long before = Files.size(zip);
        Path rewritten = zip.resolveSibling(zip.getFileName() + ".tmp");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (!entry.isDirectory() && entry.getName().startsWith("lib/") && entry.getName().endsWith(".jar")) {
                    bytes = stored(bytes);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(rewritten, zip, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("%s: %,d bytes (jars compressed per class: %,d)%n", zip, Files.size(zip), before);
    }

    /** The same jar, every entry stored as it is (its CRC and sizes in the local headers, as STORED requires). */
    static byte[] stored(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(jar.length * 3);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                copy.setMethod(ZipEntry.STORED);
                copy.setSize(content.length);
                copy.setCompressedSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                copy.setCrc(crc.getValue());
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
