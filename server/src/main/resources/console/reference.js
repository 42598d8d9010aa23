// Renders the API reference page (/docs) from paygo's own OpenAPI document with Swagger UI (served from the jar).
(function () {
  "use strict";
  var node = document.getElementById("reference");
  window.SwaggerUIBundle({
    url: node.getAttribute("data-document"),
    domNode: node,
    deepLinking: true,
    displayOperationId: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    validatorUrl: null
  });
})();
