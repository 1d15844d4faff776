// The review page of the demo: the application id comes from the link in the inbox (?antrag=<id>).
const id = new URLSearchParams(location.search).get('antrag');
const review = document.querySelector('jc-mws-review');
if (id && review && /^[0-9a-f-]{36}$/.test(id)) review.setAttribute('application-id', id);
