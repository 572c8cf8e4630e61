// The bash completion script `sigmamind completion bash` prints. It only gathers the words before the cursor and
// hands them to `sigmamind __complete`: what fits is decided in candidates.ts. (`\${` is bash's `${`.)
export const BASH_SCRIPT = `# bash completion for sigmamind, from \`sigmamind completion bash\`. Load it from ~/.bashrc:
#   source <(sigmamind completion bash)
# What fits at the cursor comes from \`sigmamind __complete WORD...\`, so it always matches the installed sigmamind.
_sigmamind() {
  local line=\${COMP_LINE:0:COMP_POINT}
  local -a words
  read -r -a words <<<"$line"
  # A line that ends in a blank begins a new word.
  [[ -z $line || $line =~ [[:space:]]$ ]] && words+=("")
  # bash cuts the word under the cursor at = and : (COMP_WORDBREAKS): a candidate replaces only its last piece.
  local typed=\${words[\${#words[@]}-1]}
  local before=\${typed%"\${COMP_WORDS[COMP_CWORD]}"}
  local candidate
  COMPREPLY=()
  while IFS= read -r candidate; do
    [[ $candidate == "$before"* ]] && COMPREPLY+=("\${candidate#"$before"}")
  done < <(sigmamind __complete "\${words[@]:1}" 2>/dev/null)
}
# Where sigmamind lists nothing (a call ID, a key file), bash completes file names, as it would without this script.
complete -o default -F _sigmamind sigmamind
`;
