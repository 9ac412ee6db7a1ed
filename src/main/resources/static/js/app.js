// Sends the CSRF token with every htmx request (the token is in the page's meta tags).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Grouped navigation: one menu open at a time (also where <details name> is not supported), closed by a click
// elsewhere or Escape.
document.addEventListener('click', function (event) {
  document.querySelectorAll('details.navgroup[open]').forEach(function (menu) {
    if (!menu.contains(event.target)) {
      menu.removeAttribute('open');
    }
  });
});
document.addEventListener('keydown', function (event) {
  if (event.key === 'Escape') {
    document.querySelectorAll('details.navgroup[open]').forEach(function (menu) {
      menu.removeAttribute('open');
    });
  }
});
