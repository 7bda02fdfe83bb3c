/** The product mark: a gold star on the deep red of party documents. Decorative. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#a11a1a" />
      <path
        fill="#ffd43b"
        d="M16 5.5l2.6 7.9h8.3l-6.7 4.9 2.6 7.9-6.8-4.9-6.8 4.9 2.6-7.9-6.7-4.9h8.3z"
      />
    </svg>
  );
}
