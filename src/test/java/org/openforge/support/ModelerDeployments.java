package org.openforge.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Deploys a model through POST /engine-rest/deployment/create the way Camunda Modeler does (Basic auth). */
public final class ModelerDeployments {

  private ModelerDeployments() {}

  public static Api.Response deploy(Api anonymous, String fileName, String content, String user, String password) {
    String boundary = "----modeler" + UUID.randomUUID();
    String body = part(boundary, "deployment-name", fileName + " (modeler)")
        + part(boundary, "deployment-source", "Camunda Modeler")
        + part(boundary, "enable-duplicate-filtering", "false")
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    return anonymous.send(HttpRequest.newBuilder(URI.create(anonymous.base() + "/engine-rest/deployment/create"))
        .header("Authorization", basic)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  private static String part(String boundary, String name, String value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }
}
