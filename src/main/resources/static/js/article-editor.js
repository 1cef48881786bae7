// The article form's editor: Quill over the body's textarea, which stays the form's field (and the whole editor
// where scripts do not run). Pictures are uploaded to the article and inserted by the address the portal serves.
(function () {
  'use strict';
  function start() {
    var holder = document.getElementById('body-editor');
    var field = document.getElementById('a-body');
    var form = document.getElementById('article-form');
    if (!holder || !field || !form || !window.Quill) {
      return;
    }
    holder.hidden = false;
    field.hidden = true;
    var quill = new window.Quill(holder, {
      theme: 'snow',
      modules: {
        toolbar: {
          container: [[{header: [2, 3, false]}], ['bold', 'italic', 'underline'], [{list: 'ordered'}, {list: 'bullet'}],
            ['blockquote', 'link', 'image'], [{align: []}], ['clean']],
          handlers: {image: pickImage}
        }
      }
    });
    quill.clipboard.dangerouslyPasteHTML(field.value || '');
    form.addEventListener('submit', function () {
      field.value = quill.root.innerHTML;
    });

    function pickImage() {
      var url = holder.getAttribute('data-image-url');
      if (!url) {
        window.alert(holder.getAttribute('data-save-first'));
        return;
      }
      var input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/jpeg,image/png,image/gif';
      input.addEventListener('change', function () {
        if (!input.files || !input.files[0]) {
          return;
        }
        var data = new FormData();
        data.append('file', input.files[0]);
        var headers = {};
        headers[holder.getAttribute('data-csrf-header')] = holder.getAttribute('data-csrf');
        fetch(url, {method: 'POST', body: data, headers: headers, credentials: 'same-origin'})
          .then(function (response) {
            return response.json().then(function (body) {
              return {ok: response.ok, body: body};
            });
          })
          .then(function (answer) {
            if (!answer.ok) {
              window.alert(answer.body.message || holder.getAttribute('data-image-failed'));
              return;
            }
            var range = quill.getSelection(true);
            quill.insertEmbed(range ? range.index : quill.getLength(), 'image', answer.body.url, 'user');
          })
          .catch(function () {
            window.alert(holder.getAttribute('data-image-failed'));
          });
      });
      input.click();
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
