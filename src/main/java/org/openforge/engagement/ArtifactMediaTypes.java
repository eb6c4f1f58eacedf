package org.openforge.engagement;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The media type an artifact is served with: its own, or octet-stream when what was stored does not parse. */
final class ArtifactMediaTypes {

  private ArtifactMediaTypes() {}

  static MediaType of(Artifact artifact) {
    if (artifact.mediaType() == null || artifact.mediaType().isBlank()) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
    try {
      return MediaType.parseMediaType(artifact.mediaType());
    } catch (InvalidMediaTypeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }
}
