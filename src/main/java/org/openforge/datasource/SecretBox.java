package org.openforge.datasource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openforge.system.OpenForgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts data-source credentials at rest with AES-256-GCM: a random 96-bit nonce per value, the data source id as
 * associated data (a ciphertext cannot be moved to another row), stored as {@code v1:<base64(nonce|ciphertext)>}.
 * The key is {@code OPENFORGE_SECRET_KEY} (base64 of 32 bytes, or property {@code openforge.secret-key}); only the
 * embedded profile may generate one into {@code ${openforge.data-dir}/secret.key} (mode 0600). Without a key any
 * other profile refuses to start.
 */
@Component
public class SecretBox {

  private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
  private static final String VERSION = "v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  public SecretBox(OpenForgeProperties properties,
      @Value("${openforge.secret-key:${OPENFORGE_SECRET_KEY:}}") String configured) {
    if (configured != null && !configured.isBlank()) {
      this.key = decodeKey(configured.strip(), "OPENFORGE_SECRET_KEY");
    } else if (properties.embedded()) {
      this.key = fileKey(properties.dataDir().resolve("secret.key"));
    } else {
      throw new IllegalStateException("No data-source encryption key: set OPENFORGE_SECRET_KEY to the base64 of 32 "
          + "random bytes (e.g. `openssl rand -base64 32`). Only the embedded profile generates one.");
    }
  }

  /** Encrypts a value for the row {@code context} (the data source id). */
  public String seal(String plaintext, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
          .put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** Decrypts what {@link #seal} produced for the same context; fails if the key changed or the value was altered. */
  public String open(String sealed, String context) {
    if (sealed == null || !sealed.startsWith(VERSION)) {
      throw new UnreadableSecretException("stored credentials of data source " + context + " have an unknown format",
          null);
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new UnreadableSecretException("stored credentials of data source " + context + " cannot be decrypted "
          + "(was OPENFORGE_SECRET_KEY changed?)", e);
    }
  }

  private static SecretKey decodeKey(String base64, String origin) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(origin + " is not valid base64");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(origin + " must be the base64 of exactly 32 bytes, got " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  private SecretKey fileKey(Path file) {
    try {
      if (Files.exists(file)) {
        return decodeKey(Files.readString(file).strip(), file.toString());
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
        log.warn("Cannot restrict the permissions of {} on this file system; protect it yourself", file);
      } catch (FileAlreadyExistsException e) {
        return decodeKey(Files.readString(file).strip(), file.toString());
      }
      Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + System.lineSeparator());
      log.warn("Generated the data-source encryption key into {} (embedded mode). Set OPENFORGE_SECRET_KEY in "
          + "production; keep this file to read the credentials stored with it.", file);
      return new SecretKeySpec(bytes, "AES");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the key file " + file, e);
    }
  }

  /** Stored credentials that the configured key cannot decrypt. */
  public static class UnreadableSecretException extends IllegalStateException {
    public UnreadableSecretException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
