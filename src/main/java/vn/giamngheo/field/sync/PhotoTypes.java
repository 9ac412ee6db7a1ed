package vn.giamngheo.field.sync;

/** The type of a photo told by its first bytes (never by what the sender says): JPEG or PNG, else null. */
final class PhotoTypes {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PhotoTypes() {
    }

    static String of(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (bytes.length >= PNG.length && java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, PNG.length), PNG)) {
            return "image/png";
        }
        return null;
    }
}
