// Starts Swagger UI on the OpenAPI tool server of openstack-ops-mcp. The bearer token typed into the form is kept in
// this tab's sessionStorage only and sent with every request Swagger UI makes (the document and "Try it out" calls).
(function () {
  'use strict';
  var KEY = 'openstack-ops-mcp-token';
  var specUrl = document.body.getAttribute('data-spec-url');
  var state = document.getElementById('token-state');

  function token() {
    return window.sessionStorage.getItem(KEY) || '';
  }

  function show() {
    state.textContent = token() ? ' token set for this tab' : ' no token (the server may require one)';
  }

  function start() {
    window.ui = window.SwaggerUIBundle({
      url: specUrl,
      dom_id: '#swagger-ui',
      deepLinking: true,
      tryItOutEnabled: false,
      requestInterceptor: function (request) {
        if (token()) {
          request.headers.Authorization = 'Bearer ' + token();
        }
        return request;
      }
    });
  }

  document.getElementById('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var field = document.getElementById('token');
    if (field.value) {
      window.sessionStorage.setItem(KEY, field.value.trim());
    } else {
      window.sessionStorage.removeItem(KEY);
    }
    field.value = '';
    show();
    start();
  });
  show();
  start();
}());
